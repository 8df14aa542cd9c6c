-- Heat-map tiles of zoom 15 and above from packed exact positions (issue 7, session 5).
--
-- Tiles of zoom >= 15 need the exact incident positions (the cells of heatmap_block move a point by up to half a
-- zoom-14 pixel). They read the incidents through the SP-GiST index: 2,000-11,000 heap rows per tile at district
-- density, one heap page each. heatmap_point_block keeps, per month and 64x64-cell block of zoom 14 (one zoom-16 tile,
-- about 611 Mercator metres), every located incident of the block as one packed record, so such a tile reads a few
-- rows per month. The records carry the exact lon/lat (float8, bit for bit what ST_X/ST_Y give) and every field the
-- filters and scopes read, so every filter (category, source, status, resolution level, weight) and every scope
-- (street, community) is served from them.
--
-- data: one 34-byte record per distinct (position, fields) of the month (big-endian, as float8send/int4send write):
--   float8 lon, float8 lat          ST_X / ST_Y of incident.location (EPSG:4326)
--   int4 street id                  heatmap_street.id, 0 without street
--   int4 community id               heatmap_community.id, 0 without community
--   int2 small class id, int2 big class id   heatmap_category.id of category_code / category_big
--   int2 packed: source << 8 | status << 5 | level << 3 | satisfaction (1-based positions in the arrays of
--                heatmap_point_code below, 0 for null)
--   int4 n                          incidents with exactly these values
-- Built by heatmap_refresh_month together with heatmap_block (same dirty months, same transaction); a month not yet
-- rebuilt is read from the incidents meanwhile.
CREATE TABLE heatmap_community (
    id   serial PRIMARY KEY,
    code text NOT NULL UNIQUE
);

CREATE TABLE heatmap_category (
    id   smallserial PRIMARY KEY,
    code text NOT NULL UNIQUE
);

CREATE TABLE heatmap_point_block (
    month  date NOT NULL,
    bx     integer NOT NULL, -- zoom-14 cx >> 6
    by     integer NOT NULL, -- zoom-14 cy >> 6
    points integer NOT NULL, -- records in data
    data   bytea NOT NULL,
    PRIMARY KEY (month, bx, by),
    CONSTRAINT heatmap_point_block_month CHECK (extract(day FROM month) = 1)
);
-- positions do not compress: skip the pglz attempt on write and the decompression on read
ALTER TABLE heatmap_point_block ALTER COLUMN data SET STORAGE EXTERNAL;

-- Position (1-based) of a source, status or resolution level in its fixed list; HeatmapPointBlocks has the same lists.
CREATE FUNCTION heatmap_point_code(kind text, v text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_position(CASE kind
        WHEN 'source' THEN ARRAY['hotline_12345', 'patrol', 'snapshot', 'video', 'desk', 'other']
        WHEN 'status' THEN ARRAY['reported', 'accepted', 'dispatched', 'resolved', 'closed']
        ELSE ARRAY['community', 'department', 'street'] END, v), 0)
$$;

INSERT INTO heatmap_category (code) SELECT code FROM incident_category ORDER BY code;

-- The V9 function keeps building heatmap_block; the new heatmap_refresh_month calls it and then packs the points of
-- the same month in the same transaction (the advisory lock is taken again by the same transaction: no wait).
ALTER FUNCTION heatmap_refresh_month(date) RENAME TO heatmap_refresh_cells;

CREATE FUNCTION heatmap_refresh_month(m date) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz := m::timestamp AT TIME ZONE 'Asia/Shanghai';
    t1 timestamptz := (m + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai';
    written integer;
BEGIN
    written := heatmap_refresh_cells(m);
    DELETE FROM heatmap_point_block WHERE month = m;
    INSERT INTO heatmap_community (code)
    SELECT DISTINCT community_code FROM incident
    WHERE reported_at >= t0 AND reported_at < t1 AND community_code IS NOT NULL
    ON CONFLICT DO NOTHING;
    INSERT INTO heatmap_category (code)
    SELECT DISTINCT c FROM incident CROSS JOIN LATERAL (VALUES (category_code), (category_big)) v(c)
    WHERE reported_at >= t0 AND reported_at < t1
    ON CONFLICT DO NOTHING;
    INSERT INTO heatmap_point_block (month, bx, by, points, data)
    SELECT m, bx, by, count(*),
           string_agg(float8send(lon) || float8send(lat) || int4send(sid) || int4send(cid) || int2send(cat)
                      || int2send(big) || int2send(packed) || int4send(n), ''::bytea ORDER BY lat, lon)
    FROM (
        SELECT floor((ST_X(g) + 20037508.342789244) * (256 * 2 ^ 14) / 40075016.685578488)::integer >> 6 AS bx,
               floor((20037508.342789244 - ST_Y(g)) * (256 * 2 ^ 14) / 40075016.685578488)::integer >> 6 AS by,
               ST_X(i.location) AS lon, ST_Y(i.location) AS lat,
               coalesce(s.id, 0) AS sid, coalesce(c.id, 0) AS cid, cs.id AS cat, cb.id AS big,
               ((heatmap_point_code('source', i.source) << 8) | (heatmap_point_code('status', i.status) << 5)
                | (heatmap_point_code('level', i.resolution_level) << 3) | coalesce(i.satisfaction, 0))::smallint
                   AS packed,
               count(*)::integer AS n
        FROM incident i
        CROSS JOIN LATERAL (SELECT ST_Transform(i.location, 3857) AS g) p
        LEFT JOIN heatmap_street s ON s.code = i.street_code
        LEFT JOIN heatmap_community c ON c.code = i.community_code
        JOIN heatmap_category cs ON cs.code = i.category_code
        JOIN heatmap_category cb ON cb.code = i.category_big
        WHERE i.reported_at >= t0 AND i.reported_at < t1
          AND i.location IS NOT NULL AND abs(ST_Y(i.location)) < 85.05
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9) r
    GROUP BY bx, by;
    RETURN written;
END $$;

-- The point records carry the community (grid chiefs' tiles): an update that changes only it must mark its month
-- too (V15's list plus community_code).
CREATE OR REPLACE FUNCTION heatmap_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO heatmap_dirty_month
    SELECT DISTINCT m FROM old_rows o JOIN new_rows n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (heatmap_month(o.reported_at)), (heatmap_month(n.reported_at))) AS v(m)
    WHERE o.reported_at IS DISTINCT FROM n.reported_at
       OR NOT (o.location IS NOT DISTINCT FROM n.location)
       OR o.category_code IS DISTINCT FROM n.category_code OR o.category_big IS DISTINCT FROM n.category_big
       OR o.street_code IS DISTINCT FROM n.street_code OR o.status IS DISTINCT FROM n.status
       OR o.satisfaction IS DISTINCT FROM n.satisfaction OR o.source IS DISTINCT FROM n.source
       OR o.resolution_level IS DISTINCT FROM n.resolution_level
       OR o.community_code IS DISTINCT FROM n.community_code
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

-- Every month with incidents must be rebuilt once to get its point blocks (in the background, newest first; tiles
-- of a month not yet rebuilt read the incidents meanwhile).
INSERT INTO heatmap_dirty_month SELECT DISTINCT heatmap_month(reported_at) FROM incident ON CONFLICT DO NOTHING;
