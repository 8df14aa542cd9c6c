/**
 * OGC API – Features (Part 1: Core, with the GeoJSON, HTML and OpenAPI 3.0 conformance classes) over the layers of
 * GridAtlas, so QGIS, ArcGIS and GDAL read them directly, and the exports a GIS user expects (GeoJSON, CSV with WKT,
 * GeoPackage). The layers come from the capabilities' own services; the same scope as the REST API applies and no
 * personal field is ever part of a collection.
 */
package org.gridatlas.ogc;
