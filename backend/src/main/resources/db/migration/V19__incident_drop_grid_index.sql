-- Issue 6, import speed: every index of incident is maintained row by row on import, and incident_grid
-- (grid_code, reported_at) is covered by incident_grid_plan (grid_code, grid_plan_id, reported_at): the queries by
-- grid (incident list, 三率 per grid, hot spots per grid, workload per grid) fix grid_code, which the latter serves
-- as well, and then read the grid's rows (≈ 1,000 a year at district density). One B-tree less to maintain on each
-- imported row.
DROP INDEX IF EXISTS incident_grid;
