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

/** Streets (街道) from GeoJSON; only an admin creates streets. */
@Component
class StreetImporter implements Importer {
    private final JdbcClient jdbc;

    StreetImporter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Street(String code, String name, String districtCode, String districtName, MultiPolygon geom) {}

    @Override
    public ImportKind kind() {
        return ImportKind.streets;
    }

    @Override
    public boolean allowedFor(Scope scope) {
        return Scope.ADMIN.equals(scope.role());
    }

    @Override
    public ImportCounts load(Source source, Context context) {
        return RecordLoader.features(source.in(), 100, (f, fields) -> parse(f, fields, context.scope()), this::upsert);
    }

    private Street parse(GeoJsonFeatures.Feature f, Fields fields, Scope scope) {
        String code = fields.code("code", Codes.STREET, "a 9-digit street code");
        String name = fields.text("name", true);
        String district = fields.code("district_code", Codes.DISTRICT, "a 6-digit district code");
        String districtName = fields.text("district_name", true);
        if (code == null || district == null) return null;
        if (!code.startsWith(district)) {
            fields.problem("district_code", "street code " + code + " does not start with " + district);
            return null;
        }
        if (!scope.coversStreet(code)) {
            fields.problem("code", "street " + code + " is outside your scope");
            return null;
        }
        return new Street(code, name, district, districtName, f.geometry());
    }

    private int upsert(List<Street> batch) {
        int existing = RecordLoader.existing(
                jdbc, "street", "code", batch.stream().map(Street::code).toList());
        for (Street s : batch) {
            jdbc.sql(
                            """
                            INSERT INTO street (code, name, district_code, district_name, geom)
                            VALUES (:code, :name, :d, :dn, ST_GeomFromEWKB(:g))
                            ON CONFLICT (code) DO UPDATE SET name = excluded.name, district_code = excluded.district_code,
                              district_name = excluded.district_name, geom = excluded.geom""")
                    .param("code", s.code())
                    .param("name", s.name())
                    .param("d", s.districtCode())
                    .param("dn", s.districtName())
                    .param("g", Wkb.ewkb(s.geom()))
                    .update();
        }
        return existing;
    }
}
