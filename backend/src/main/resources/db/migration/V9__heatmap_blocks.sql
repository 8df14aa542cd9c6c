-- Heat-map pre-aggregation, second design (issue 7): packed blocks instead of one row per cell.
--
-- heatmap_cell (V7) held one row per (zoom level, category slice, month, pixel cell, community): about 11 rows per
-- incident, and a 12-month zoom-14 tile read ~25,000 of them. heatmap_block keeps the same cells (one Web-Mercator
-- pixel of zoom `level`, 8..14, per month and category slice) but packs the cells of a 64×64-cell block into one
-- bytea, so a tile with its margin reads at most (6 × 6 blocks) × months × requested slices rows, whatever the number
-- of incidents, and decodes them in Java. Rows per incident fall well below 1.
--
-- data: one 18-byte record per non-empty cell (big-endian, as int2send/int4send write them):
--   int2 (cx & 63) << 6 | (cy & 63)   position of the cell in the block
--   int4 street id                    heatmap_street.id, for the supervisor's scope (street)
--   int4 n, int4 n_open, int4 n_dissatisfied   incidents, of which not closed, of which satisfaction 1-2
-- Blocks carry streets, not communities: a community-scoped user (grid chief) reads the incidents (one community).
CREATE TABLE heatmap_street (
    id   serial PRIMARY KEY,
    code text NOT NULL UNIQUE
);

CREATE TABLE heatmap_block (
    level smallint NOT NULL,
    cat   text NOT NULL,
    month date NOT NULL,
    bx    integer NOT NULL, -- cx >> 6
    by    integer NOT NULL, -- cy >> 6
    cells integer NOT NULL, -- records in data
    data  bytea NOT NULL,
    PRIMARY KEY (level, cat, month, bx, by),
    CONSTRAINT heatmap_block_level CHECK (level BETWEEN 8 AND 14),
    CONSTRAINT heatmap_block_month CHECK (extract(day FROM month) = 1)
);

-- Incidents per month and street (the months with data in a scope, without decoding blocks).
CREATE TABLE heatmap_month_street (
    month       date NOT NULL,
    street_code text NOT NULL,
    n           integer NOT NULL,
    PRIMARY KEY (month, street_code)
);

-- Rebuilds the blocks of one month, set-based, and clears its dirty mark; serialised by an advisory lock, so a month
-- marked dirty again by a concurrent import stays dirty for the next pass. Returns the blocks written.
-- The incidents are grouped once into zoom-14 cells; each coarser level is grouped from the level below (a cell of
-- zoom L is exactly cells (2cx..2cx+1, 2cy..2cy+1) of zoom L+1), so the work is dominated by one pass over the month.
CREATE FUNCTION heatmap_refresh_month(m date) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz := m::timestamp AT TIME ZONE 'Asia/Shanghai';
    t1 timestamptz := (m + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai';
    written integer;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('heatmap_refresh'));
    DELETE FROM heatmap_dirty_month WHERE month = m;
    DELETE FROM heatmap_block WHERE month = m;
    DELETE FROM heatmap_month_street WHERE month = m;
    CREATE TEMP TABLE IF NOT EXISTS heatmap_month_cells (
        level smallint, cat text, cx integer, cy integer, sid integer, n integer, n_open integer, n_dissatisfied integer
    ) ON COMMIT DROP;
    TRUNCATE heatmap_month_cells;
    INSERT INTO heatmap_street (code)
    SELECT DISTINCT street_code FROM incident
    WHERE reported_at >= t0 AND reported_at < t1 AND street_code IS NOT NULL
    ON CONFLICT DO NOTHING;
    INSERT INTO heatmap_month_cells
    SELECT 14, c.cat,
           floor((ST_X(g) + 20037508.342789244) * (256 * 2 ^ 14) / 40075016.685578488)::integer,
           floor((20037508.342789244 - ST_Y(g)) * (256 * 2 ^ 14) / 40075016.685578488)::integer,
           s.id, count(*), count(*) FILTER (WHERE i.status <> 'closed'), count(*) FILTER (WHERE i.satisfaction <= 2)
    FROM incident i
    CROSS JOIN LATERAL (SELECT ST_Transform(i.location, 3857) AS g) p
    JOIN heatmap_street s ON s.code = i.street_code
    CROSS JOIN LATERAL (VALUES ('*'), (i.category_big), (i.category_code)) AS c(cat)
    WHERE i.reported_at >= t0 AND i.reported_at < t1
      AND i.location IS NOT NULL AND abs(ST_Y(i.location)) < 85.05 AND c.cat IS NOT NULL
    GROUP BY 2, 3, 4, 5;
    FOR lv IN REVERSE 13..8 LOOP
        INSERT INTO heatmap_month_cells
        SELECT lv, cat, cx >> 1, cy >> 1, sid, sum(n), sum(n_open), sum(n_dissatisfied)
        FROM heatmap_month_cells WHERE level = lv + 1
        GROUP BY 2, 3, 4, 5;
    END LOOP;
    INSERT INTO heatmap_month_street
    SELECT m, s.code, sum(c.n) FROM heatmap_month_cells c JOIN heatmap_street s ON s.id = c.sid
    WHERE c.level = 8 AND c.cat = '*' GROUP BY s.code;
    INSERT INTO heatmap_block (level, cat, month, bx, by, cells, data)
    SELECT level, cat, m, cx >> 6, cy >> 6, count(*),
           string_agg(int2send((((cx & 63) << 6) | (cy & 63))::smallint) || int4send(sid) || int4send(n)
                      || int4send(n_open) || int4send(n_dissatisfied), ''::bytea ORDER BY cy, cx, sid)
    FROM heatmap_month_cells
    GROUP BY level, cat, cx >> 6, cy >> 6;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END $$;

-- Synchronous refresh of every dirty month (tests, maintenance); the service refreshes month by month in the
-- background instead. Returns the months rebuilt.
CREATE OR REPLACE FUNCTION heatmap_refresh() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    m date;
    k integer := 0;
BEGIN
    FOR m IN SELECT month FROM heatmap_dirty_month ORDER BY month DESC LOOP
        PERFORM heatmap_refresh_month(m);
        k := k + 1;
    END LOOP;
    RETURN k;
END $$;

DROP TABLE heatmap_cell;

-- Every month with incidents must be (re)built into blocks.
INSERT INTO heatmap_dirty_month SELECT DISTINCT heatmap_month(reported_at) FROM incident ON CONFLICT DO NOTHING;
