-- Coverage (issue 5, speed): per plan and community, the union of its grids and the gaps (the community minus that
-- union, one polygon per row), kept up to date by statement-level triggers on grid and community like the shares of
-- V13 (docs/coverage.md "Stored covers and gaps"). A coverage call then reads the gaps and the "do these grids
-- overlap" flag instead of computing a union per community on every request (2.4 s + 2.0 s of a city-scale call).
--
-- A (plan, community) pair has a row once any grid of the plan in that community was written (or at this migration);
-- a pair without a row has no grid, so its gap is the whole community (the coverage query computes that case).
CREATE TABLE coverage_cover (
    plan_id        bigint NOT NULL REFERENCES boundary_plan (id) ON DELETE CASCADE,
    community_code text NOT NULL REFERENCES community (code) ON DELETE CASCADE,
    grids          geometry,         -- ST_Union of the plan's grids in the community; NULL when it has none left
    overlapping    boolean NOT NULL, -- the grids' areas sum to more than their union's: some of them overlap
    PRIMARY KEY (plan_id, community_code)
);

CREATE TABLE coverage_gap (
    plan_id        bigint NOT NULL REFERENCES boundary_plan (id) ON DELETE CASCADE,
    community_code text NOT NULL REFERENCES community (code) ON DELETE CASCADE,
    geom           geometry NOT NULL,          -- one part of ST_Dump(community − union of its grids)
    area_m2        double precision NOT NULL   -- on the spheroid
);
CREATE INDEX coverage_gap_pair ON coverage_gap (plan_id, community_code);

-- Recomputes the rows of the given (plan, community) pairs (arrays of equal length, duplicates allowed): a few
-- milliseconds per pair (one union of the community's grids, one difference).
CREATE FUNCTION coverage_cover_refresh(plans bigint[], communities text[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM coverage_gap s USING unnest(plans, communities) AS k(plan_id, code)
    WHERE s.plan_id = k.plan_id AND s.community_code = k.code;
    DELETE FROM coverage_cover s USING unnest(plans, communities) AS k(plan_id, code)
    WHERE s.plan_id = k.plan_id AND s.community_code = k.code;
    INSERT INTO coverage_cover (plan_id, community_code, grids, overlapping)
    SELECT k.plan_id, k.code, u.geom, coalesce(u.sum_area - ST_Area(u.geom) > 1e-12, false)
    FROM (SELECT DISTINCT plan_id, code FROM unnest(plans, communities) AS k(plan_id, code)) k
    JOIN boundary_plan p ON p.id = k.plan_id -- a plan deleted in the same statement keeps no rows
    CROSS JOIN LATERAL (SELECT ST_Union(g.geom) AS geom, sum(ST_Area(g.geom)) AS sum_area
                        FROM grid g WHERE g.plan_id = k.plan_id AND g.community_code = k.code) u;
    INSERT INTO coverage_gap (plan_id, community_code, geom, area_m2)
    SELECT v.plan_id, v.community_code, d.geom, ST_Area(d.geom::geography)
    FROM (SELECT DISTINCT plan_id, code FROM unnest(plans, communities) AS k(plan_id, code)) k
    JOIN coverage_cover v ON v.plan_id = k.plan_id AND v.community_code = k.code
    JOIN community c ON c.code = v.community_code
    CROSS JOIN LATERAL (
      SELECT (ST_Dump(ST_Difference(c.geom, coalesce(v.grids, 'SRID=4326;POLYGON EMPTY'::geometry)))).geom) d;
$$;

-- Only pairs whose grids changed shape or moved between plans/communities: renaming or renumbering (publish) keeps
-- the union.
CREATE FUNCTION coverage_cover_grid_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    plans bigint[];
    communities text[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(plan_id), array_agg(community_code) INTO plans, communities
        FROM (SELECT DISTINCT plan_id, community_code FROM new_grids) k;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(plan_id), array_agg(community_code) INTO plans, communities
        FROM (SELECT DISTINCT plan_id, community_code FROM old_grids) k;
    ELSE
        SELECT array_agg(plan_id), array_agg(community_code) INTO plans, communities
        FROM (SELECT n.plan_id, n.community_code FROM new_grids n JOIN old_grids o ON o.id = n.id
              WHERE ST_AsEWKB(o.geom) <> ST_AsEWKB(n.geom) OR o.plan_id <> n.plan_id
                 OR o.community_code <> n.community_code
              UNION
              SELECT o.plan_id, o.community_code FROM new_grids n JOIN old_grids o ON o.id = n.id
              WHERE ST_AsEWKB(o.geom) <> ST_AsEWKB(n.geom) OR o.plan_id <> n.plan_id
                 OR o.community_code <> n.community_code) k;
    END IF;
    IF plans IS NOT NULL THEN
        PERFORM coverage_cover_refresh(plans, communities);
    END IF;
    RETURN NULL;
END $$;

-- A community's outline changed: the gaps of every plan that covers it.
CREATE FUNCTION coverage_cover_community_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    plans bigint[];
    communities text[];
BEGIN
    SELECT array_agg(v.plan_id), array_agg(v.community_code) INTO plans, communities
    FROM coverage_cover v JOIN new_communities n ON n.code = v.community_code;
    IF plans IS NOT NULL THEN
        PERFORM coverage_cover_refresh(plans, communities);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER coverage_cover_grid_insert AFTER INSERT ON grid
    REFERENCING NEW TABLE AS new_grids FOR EACH STATEMENT EXECUTE FUNCTION coverage_cover_grid_changed();
CREATE TRIGGER coverage_cover_grid_update AFTER UPDATE ON grid
    REFERENCING OLD TABLE AS old_grids NEW TABLE AS new_grids
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_cover_grid_changed();
CREATE TRIGGER coverage_cover_grid_delete AFTER DELETE ON grid
    REFERENCING OLD TABLE AS old_grids FOR EACH STATEMENT EXECUTE FUNCTION coverage_cover_grid_changed();
CREATE TRIGGER coverage_cover_community_update AFTER UPDATE ON community
    REFERENCING NEW TABLE AS new_communities FOR EACH STATEMENT EXECUTE FUNCTION coverage_cover_community_changed();

ALTER FUNCTION coverage_cover_grid_changed() SET jit = off;
ALTER FUNCTION coverage_cover_community_changed() SET jit = off;

-- The covers and gaps of what is already stored (about 5 s for the 1,360 communities of the city data set).
SET LOCAL jit = off;
SELECT coverage_cover_refresh(array_agg(plan_id), array_agg(community_code))
FROM (SELECT DISTINCT plan_id, community_code FROM grid) k;
ANALYZE coverage_cover;
ANALYZE coverage_gap;

-- Incidents per grid are index-only range counts (V10 index): they stay index-only only where the visibility map says
-- the heap pages are all-visible. With the default insert threshold (20 % of the table) autovacuum leaves the most
-- recent imports unvacuumed for long (the city data set: 1.4 M of 10.2 M rows, 750,000 heap fetches in the counts of
-- the last six months, the largest part of a city-scale coverage call): vacuum after 1 % of inserts instead.
ALTER TABLE incident SET (autovacuum_vacuum_insert_scale_factor = 0.01);
