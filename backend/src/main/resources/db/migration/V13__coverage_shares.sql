-- Coverage (issue 5): the share of each building footprint in each grid it overlaps, and each grid's area and
-- containment in its community, for every plan, kept up to date by statement-level triggers on grid, building and
-- community (docs/coverage.md "Stored shares"). A coverage call then aggregates these rows instead of intersecting
-- every footprint with every grid on each request.
--
-- Why triggers rather than calls from the plan code: grids are written by plan creation, edits, undo/redo, imports,
-- publishing (renumbering), proposals and the sample loaders; a trigger sees every one of them, set-based (transition
-- tables), so no writer can forget the shares. Why no foreign keys: the delete triggers remove the rows of a deleted
-- grid or building in one statement, where a cascading key would fire once per row.
CREATE TABLE coverage_share (
    grid_id     bigint NOT NULL,
    building_id bigint NOT NULL,
    share       double precision NOT NULL, -- share of the footprint's area (on the spheroid) inside the grid, (0, 1]
    PRIMARY KEY (grid_id, building_id)
);
CREATE INDEX coverage_share_building ON coverage_share (building_id);

-- Per grid: its area on the spheroid and whether its community covers it (no overreach to look for), kept by the
-- same grid trigger and by a trigger on a community's outline.
CREATE TABLE coverage_grid (
    grid_id bigint PRIMARY KEY,
    area_m2 double precision NOT NULL,
    inside  boolean NOT NULL
);

-- Share of a footprint in a grid: 1 when the grid covers it (the common case: one prepared predicate, no
-- intersection), else intersection area / footprint area, both on the spheroid. Touching pairs (share 0) and
-- footprints without area are not stored. A plain SQL expression, inlined where it is used.
CREATE FUNCTION coverage_share_of(grid geometry, footprint geometry) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN ST_Covers(grid, footprint) THEN 1.0
                ELSE ST_Area(ST_Intersection(footprint, grid)::geography)
                     / nullif(ST_Area(footprint::geography), 0) END
$$;

-- Each trigger joins only the changed rows (the transition table, outer) with the other table's GiST index.
CREATE FUNCTION coverage_share_grid_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM coverage_grid m USING old_grids o WHERE m.grid_id = o.id;
    ELSE
        INSERT INTO coverage_grid (grid_id, area_m2, inside)
        SELECT n.id, ST_Area(n.geom::geography), ST_CoveredBy(n.geom, c.geom)
        FROM new_grids n JOIN community c ON c.code = n.community_code
        ON CONFLICT (grid_id) DO UPDATE SET area_m2 = EXCLUDED.area_m2, inside = EXCLUDED.inside;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO coverage_share (grid_id, building_id, share)
        SELECT grid_id, building_id, share FROM (
            SELECT g.id AS grid_id, b.id AS building_id, coverage_share_of(g.geom, b.footprint) AS share
            FROM new_grids g JOIN building b ON ST_Intersects(g.geom, b.footprint)) s
        WHERE share > 0;
    ELSIF TG_OP = 'UPDATE' THEN -- renaming or renumbering keeps the shares (they are by grid id)
        DELETE FROM coverage_share s USING new_grids n JOIN old_grids o ON o.id = n.id
        WHERE s.grid_id = n.id AND ST_AsEWKB(o.geom) <> ST_AsEWKB(n.geom);
        INSERT INTO coverage_share (grid_id, building_id, share)
        SELECT grid_id, building_id, share FROM (
            SELECT g.id AS grid_id, b.id AS building_id, coverage_share_of(g.geom, b.footprint) AS share
            FROM new_grids g JOIN old_grids o ON o.id = g.id AND ST_AsEWKB(o.geom) <> ST_AsEWKB(g.geom)
            JOIN building b ON ST_Intersects(g.geom, b.footprint)) s
        WHERE share > 0;
    ELSE
        DELETE FROM coverage_share s USING old_grids o WHERE s.grid_id = o.id;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION coverage_share_building_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO coverage_share (grid_id, building_id, share)
        SELECT grid_id, building_id, share FROM (
            SELECT g.id AS grid_id, b.id AS building_id, coverage_share_of(g.geom, b.footprint) AS share
            FROM new_buildings b JOIN grid g ON ST_Intersects(g.geom, b.footprint)) s
        WHERE share > 0;
    ELSIF TG_OP = 'UPDATE' THEN -- households, addresses and the like do not move a footprint
        DELETE FROM coverage_share s USING new_buildings n JOIN old_buildings o ON o.id = n.id
        WHERE s.building_id = n.id AND ST_AsEWKB(o.footprint) <> ST_AsEWKB(n.footprint);
        INSERT INTO coverage_share (grid_id, building_id, share)
        SELECT grid_id, building_id, share FROM (
            SELECT g.id AS grid_id, b.id AS building_id, coverage_share_of(g.geom, b.footprint) AS share
            FROM new_buildings b JOIN old_buildings o ON o.id = b.id AND ST_AsEWKB(o.footprint) <> ST_AsEWKB(b.footprint)
            JOIN grid g ON ST_Intersects(g.geom, b.footprint)) s
        WHERE share > 0;
    ELSE
        DELETE FROM coverage_share s USING old_buildings o WHERE s.building_id = o.id;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION coverage_grid_community_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE coverage_grid m SET inside = ST_CoveredBy(g.geom, n.geom)
    FROM new_communities n JOIN grid g ON g.community_code = n.code
    WHERE m.grid_id = g.id;
    RETURN NULL;
END $$;

CREATE TRIGGER coverage_share_grid_insert AFTER INSERT ON grid
    REFERENCING NEW TABLE AS new_grids FOR EACH STATEMENT EXECUTE FUNCTION coverage_share_grid_changed();
CREATE TRIGGER coverage_share_grid_update AFTER UPDATE ON grid
    REFERENCING OLD TABLE AS old_grids NEW TABLE AS new_grids
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_share_grid_changed();
CREATE TRIGGER coverage_share_grid_delete AFTER DELETE ON grid
    REFERENCING OLD TABLE AS old_grids FOR EACH STATEMENT EXECUTE FUNCTION coverage_share_grid_changed();
CREATE TRIGGER coverage_grid_community_update AFTER UPDATE ON community
    REFERENCING NEW TABLE AS new_communities FOR EACH STATEMENT EXECUTE FUNCTION coverage_grid_community_changed();
CREATE TRIGGER coverage_share_building_insert AFTER INSERT ON building
    REFERENCING NEW TABLE AS new_buildings FOR EACH STATEMENT EXECUTE FUNCTION coverage_share_building_changed();
CREATE TRIGGER coverage_share_building_update AFTER UPDATE ON building
    REFERENCING OLD TABLE AS old_buildings NEW TABLE AS new_buildings
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_share_building_changed();
CREATE TRIGGER coverage_share_building_delete AFTER DELETE ON building
    REFERENCING OLD TABLE AS old_buildings FOR EACH STATEMENT EXECUTE FUNCTION coverage_share_building_changed();

-- JIT compiles these statements for longer than they run (seconds for the backfill below).
ALTER FUNCTION coverage_share_grid_changed() SET jit = off;
ALTER FUNCTION coverage_share_building_changed() SET jit = off;
ALTER FUNCTION coverage_grid_community_changed() SET jit = off;

-- The shares of what is already stored.
SET LOCAL jit = off;
INSERT INTO coverage_share (grid_id, building_id, share)
SELECT grid_id, building_id, share FROM (
    SELECT g.id AS grid_id, b.id AS building_id, coverage_share_of(g.geom, b.footprint) AS share
    FROM grid g JOIN building b ON ST_Intersects(g.geom, b.footprint)) s
WHERE share > 0;
INSERT INTO coverage_grid (grid_id, area_m2, inside)
SELECT g.id, ST_Area(g.geom::geography), ST_CoveredBy(g.geom, c.geom)
FROM grid g JOIN community c ON c.code = g.community_code;
ANALYZE coverage_share;
ANALYZE coverage_grid;
