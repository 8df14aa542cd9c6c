package org.gridatlas.plan;

import java.util.List;
import org.gridatlas.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * A plan for consumer GIS apps (KML, WGS84 as KML requires). GeoJSON of a plan is the grid layer with
 * {@code /api/grids?plan=}, and the OGC API serves it to QGIS and GDAL.
 */
@Service
class PlanExports {
    private final JdbcClient jdbc;
    private final PlanEditingService editing;

    PlanExports(JdbcClient jdbc, PlanEditingService editing) {
        this.jdbc = jdbc;
        this.editing = editing;
    }

    String kml(Scope scope, long planId) {
        PlanStore.PlanRow plan = editing.visible(scope, planId, "plan");
        List<String> placemarks = jdbc.sql(
                        """
                        SELECT code, name, community_code, ST_AsKML(geom, 7) FROM grid
                        WHERE plan_id = :p AND (CAST(:community AS text) IS NULL OR community_code = :community)
                        ORDER BY code""")
                .param("p", planId)
                .param("community", scope.communityCode())
                .query((rs, i) -> "<Placemark><name>" + HtmlUtils.htmlEscape(rs.getString(2)) + "</name>"
                        + "<ExtendedData><Data name=\"code\"><value>" + rs.getString(1) + "</value></Data>"
                        + "<Data name=\"community_code\"><value>" + rs.getString(3) + "</value></Data></ExtendedData>"
                        + rs.getString(4) + "</Placemark>")
                .list();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>"
                + HtmlUtils.htmlEscape(plan.name()) + "</name>\n" + String.join("\n", placemarks)
                + "\n</Document></kml>\n";
    }
}
