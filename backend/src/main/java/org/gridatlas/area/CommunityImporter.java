package org.gridatlas.area;

import java.util.List;
import org.gridatlas.geo.Wkb;
import org.gridatlas.ingest.Codes;
import org.gridatlas.ingest.Fields;
import org.gridatlas.ingest.GeoJsonFeatures;
import org.gridatlas.ingest.ImportCounts;
import org.gridatlas.ingest.ImportKind;
import org.gridatlas.ingest.Importer;
import org.gridatlas.ingest.RecordLoader;
import org.gridatlas.security.Scope;
import org.locationtech.jts.geom.MultiPolygon;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Communities (社区) from GeoJSON, each in an existing street of the user's scope. */
@Component
class CommunityImporter implements Importer {
    private final JdbcClient jdbc;
    private final AreaService areas;

    CommunityImporter(JdbcClient jdbc, AreaService areas) {
        this.jdbc = jdbc;
        this.areas = areas;
    }

    private record Community(String code, String streetCode, String name, MultiPolygon geom) {}

    @Override
    public ImportKind kind() {
        return ImportKind.communities;
    }

    @Override
    public boolean allowedFor(Scope scope) {
        return Scope.ADMIN.equals(scope.role()) || Scope.PLANNER.equals(scope.role());
    }

    @Override
    public ImportCounts load(Source source, Context context) {
        var streets = areas.streetCodes();
        return RecordLoader.features(
                source.in(), 100, (f, fields) -> parse(f, fields, context.scope(), streets), this::upsert);
    }

    private Community parse(GeoJsonFeatures.Feature f, Fields fields, Scope scope, java.util.Set<String> streets) {
        String code = fields.code("code", Codes.COMMUNITY, "a 12-digit community code");
        String name = fields.text("name", true);
        String street = fields.code("street_code", Codes.STREET, "a 9-digit street code");
        if (code == null || street == null) return null;
        if (!code.startsWith(street)) {
            fields.problem("street_code", "community code " + code + " does not start with its street " + street);
            return null;
        }
        if (!streets.contains(street)) {
            fields.problem("street_code", "unknown street " + street + " (import the street first)");
            return null;
        }
        if (!scope.coversStreet(street)) {
            fields.problem("street_code", "street " + street + " is outside your scope");
            return null;
        }
        return new Community(code, street, name, f.geometry());
    }

    private int upsert(List<Community> batch) {
        int existing = RecordLoader.existing(
                jdbc, "community", "code", batch.stream().map(Community::code).toList());
        for (Community c : batch) {
            jdbc.sql(
                            """
                            INSERT INTO community (code, street_code, name, geom)
                            VALUES (:code, :s, :name, ST_GeomFromEWKB(:g))
                            ON CONFLICT (code) DO UPDATE SET name = excluded.name, geom = excluded.geom""")
                    .param("code", c.code())
                    .param("s", c.streetCode())
                    .param("name", c.name())
                    .param("g", Wkb.ewkb(c.geom()))
                    .update();
        }
        return existing;
    }
}
