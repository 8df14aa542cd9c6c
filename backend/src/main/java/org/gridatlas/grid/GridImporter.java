package org.gridatlas.grid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.area.AreaService;
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

/** Grids (网格) from GeoJSON into the published plan of their street (re-importing updates them by code). */
@Component
class GridImporter implements Importer {
    private final JdbcClient jdbc;
    private final AreaService areas;
    private final PlanService plans;

    GridImporter(JdbcClient jdbc, AreaService areas, PlanService plans) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.plans = plans;
    }

    private record Grid(String code, String communityCode, String name, MultiPolygon geom) {}

    @Override
    public ImportKind kind() {
        return ImportKind.grids;
    }

    @Override
    public boolean allowedFor(Scope scope) {
        return Scope.ADMIN.equals(scope.role()) || Scope.PLANNER.equals(scope.role());
    }

    @Override
    public ImportCounts load(Source source, Context context) {
        Set<String> communities = areas.communityCodes();
        Map<String, Long> planByStreet = new HashMap<>();
        return RecordLoader.features(
                source.in(),
                200,
                (f, fields) -> parse(f, fields, context.scope(), communities),
                batch -> upsert(batch, planByStreet, context.username()));
    }

    private Grid parse(GeoJsonFeatures.Feature f, Fields fields, Scope scope, Set<String> communities) {
        String code = fields.code("code", Codes.GRID, "a 15-digit grid code");
        String name = fields.text("name", true);
        String community = fields.code("community_code", Codes.COMMUNITY, "a 12-digit community code");
        if (code == null || community == null) return null;
        if (!code.startsWith(community)) {
            fields.problem("code", "grid code " + code + " does not start with its community " + community);
            return null;
        }
        if (!communities.contains(community)) {
            fields.problem("community_code", "unknown community " + community + " (import the communities first)");
            return null;
        }
        if (!scope.covers(community)) {
            fields.problem("community_code", "community " + community + " is outside your scope");
            return null;
        }
        return new Grid(code, community, name, f.geometry());
    }

    private int upsert(List<Grid> batch, Map<String, Long> planByStreet, String author) {
        int existing = 0;
        for (Grid g : batch) {
            long plan = planByStreet.computeIfAbsent(
                    g.communityCode().substring(0, 9), s -> plans.publishedPlanFor(s, author));
            existing += jdbc.sql("SELECT count(*) FROM grid WHERE plan_id = :p AND code = :c")
                    .param("p", plan)
                    .param("c", g.code())
                    .query(Integer.class)
                    .single();
            jdbc.sql(
                            """
                            INSERT INTO grid (plan_id, code, community_code, name, geom)
                            VALUES (:p, :code, :c, :name, ST_GeomFromEWKB(:g))
                            ON CONFLICT (plan_id, code) DO UPDATE SET name = excluded.name, geom = excluded.geom""")
                    .param("p", plan)
                    .param("code", g.code())
                    .param("c", g.communityCode())
                    .param("name", g.name())
                    .param("g", Wkb.ewkb(g.geom()))
                    .update();
        }
        return existing;
    }
}
