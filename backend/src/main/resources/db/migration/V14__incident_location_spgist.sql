-- Incident import speed (issue 6, second pass). The GiST index on incident.location was the most expensive index to
-- keep up while a million incidents are stored (each insert walks the R-tree and weighs a penalty per entry). The
-- points are indexed with SP-GiST instead (PostGIS spgist_geometry_ops_2d: a quad-tree of boxes, a point goes down one
-- path without penalty computing). It answers the same operators the code uses on incidents: && (heat-map tiles),
-- ST_Intersects / ST_DWithin through their index support (coverage, vector tiles, placement after publishing).
-- Measured figures: docs/incident-intake.md "How the import is fast".
DROP INDEX IF EXISTS incident_location_gist;
CREATE INDEX incident_location_spgist ON incident USING spgist (location);
