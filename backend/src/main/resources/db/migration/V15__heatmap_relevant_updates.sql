-- Heat-map freshness (issue 7): an UPDATE of incidents marks a month dirty only when a column the heat-map blocks
-- are built from changed (V9: reported_at, location, category, street, status, satisfaction; and source and
-- resolution level, which the filters read). A plan publish
-- re-assigns every incident of a street to the new grids (grid_code, grid_plan_id: not in the blocks); with V7's
-- update triggers it marked every month of the street dirty and the blocks of all of them were rebuilt for nothing
-- (minutes at district scale). The heatmap_block table and its contents are unchanged.
DROP TRIGGER heatmap_incident_update_new ON incident;
DROP TRIGGER heatmap_incident_update_old ON incident;

CREATE FUNCTION heatmap_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER heatmap_incident_update AFTER UPDATE ON incident
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION heatmap_mark_changed();
