-- Coverage (issue 5): incidents of a grid in a period are counted by an index-only range scan per grid
-- (grid code, plan, time) instead of scanning every incident of the period (docs/coverage.md "Speed").
CREATE INDEX IF NOT EXISTS incident_grid_plan ON incident (grid_code, grid_plan_id, reported_at);
