-- Heat-map pre-aggregation (issue 7): incident counts per Web-Mercator pixel cell of zoom levels 8..14, per month
-- (Asia/Shanghai calendar), per category slice and per community, so that a zoomed-out tile reads at most one row per
-- pixel (and per month and community) instead of every incident. Tiles of zoom 15 and above read the incidents.
--
-- cat is the category slice a row counts: '*' = every category, 'NN' = one big class, 'NNNN' = one small class.
-- A query reads exactly one slice per requested code, so the default "all categories" tile reads the '*' rows only.
-- cx, cy are the global pixel column and row of the cell at zoom `level` (256 * 2^level pixels around the world,
-- x eastwards from 180°W, y southwards from 85.05°N), i.e. the cell is exactly one pixel of a tile of that zoom.
CREATE TABLE heatmap_cell (
    level          smallint NOT NULL,
    cat            text NOT NULL,
    month          date NOT NULL,
    cx             integer NOT NULL,
    cy             integer NOT NULL,
    community_code text NOT NULL,
    street_code    text NOT NULL,
    n              integer NOT NULL, -- incidents
    n_open         integer NOT NULL, -- of which not closed
    n_dissatisfied integer NOT NULL, -- of which satisfaction 1 or 2
    CONSTRAINT heatmap_cell_level CHECK (level BETWEEN 8 AND 14),
    CONSTRAINT heatmap_cell_month CHECK (extract(day FROM month) = 1)
);
CREATE INDEX heatmap_cell_tile ON heatmap_cell (level, cat, month, cx, cy);

-- Months whose cells are out of date: incident triggers fill it, heatmap_refresh() empties it.
CREATE TABLE heatmap_dirty_month (month date PRIMARY KEY);

CREATE FUNCTION heatmap_month(t timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT date_trunc('month', t AT TIME ZONE 'Asia/Shanghai')::date $$;

CREATE FUNCTION heatmap_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO heatmap_dirty_month SELECT DISTINCT heatmap_month(reported_at) FROM new_rows ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION heatmap_mark_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO heatmap_dirty_month SELECT DISTINCT heatmap_month(reported_at) FROM old_rows ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

-- Transition tables need one trigger per event; an update marks both its old and its new month.
CREATE TRIGGER heatmap_incident_insert AFTER INSERT ON incident
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION heatmap_mark_new();
CREATE TRIGGER heatmap_incident_update_new AFTER UPDATE ON incident
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION heatmap_mark_new();
CREATE TRIGGER heatmap_incident_update_old AFTER UPDATE ON incident
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION heatmap_mark_old();
CREATE TRIGGER heatmap_incident_delete AFTER DELETE ON incident
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION heatmap_mark_old();

-- Rebuilds the cells of the dirty months, set-based, one statement per step; serialised by an advisory lock.
-- Returns the number of months rebuilt.
CREATE FUNCTION heatmap_refresh() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    months date[];
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('heatmap_refresh'));
    WITH d AS (DELETE FROM heatmap_dirty_month RETURNING month) SELECT coalesce(array_agg(month), '{}') INTO months FROM d;
    IF cardinality(months) = 0 THEN
        RETURN 0;
    END IF;
    DELETE FROM heatmap_cell WHERE month = ANY (months);
    INSERT INTO heatmap_cell (level, cat, month, cx, cy, community_code, street_code, n, n_open, n_dissatisfied)
    SELECT z.level, c.cat, p.month,
           floor((p.x + 20037508.342789244) * (256 * 2 ^ z.level) / 40075016.685578488)::integer,
           floor((20037508.342789244 - p.y) * (256 * 2 ^ z.level) / 40075016.685578488)::integer,
           p.community_code, p.street_code,
           count(*), count(*) FILTER (WHERE p.status <> 'closed'), count(*) FILTER (WHERE p.satisfaction <= 2)
    FROM (SELECT heatmap_month(i.reported_at) AS month, ST_X(m.g) AS x, ST_Y(m.g) AS y, i.community_code,
                 i.street_code, i.status, i.satisfaction, i.category_code, i.category_big
          FROM incident i CROSS JOIN LATERAL (SELECT ST_Transform(i.location, 3857) AS g) m
          WHERE i.location IS NOT NULL AND i.community_code IS NOT NULL AND i.street_code IS NOT NULL
            AND abs(ST_Y(i.location)) < 85.05 AND heatmap_month(i.reported_at) = ANY (months)) p
    CROSS JOIN generate_series(8, 14) AS z(level)
    CROSS JOIN LATERAL (VALUES ('*'), (p.category_big), (p.category_code)) AS c(cat)
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
    RETURN cardinality(months);
END $$;

-- Incidents loaded before this migration: every month of them is dirty.
INSERT INTO heatmap_dirty_month SELECT DISTINCT heatmap_month(reported_at) FROM incident ON CONFLICT DO NOTHING;

-- Repeat locations (issue 7) group by building; the heat-map raw path filters by bbox with the GiST index.
CREATE INDEX IF NOT EXISTS incident_building ON incident (building_id, reported_at) WHERE building_id IS NOT NULL;
