package org.gridatlas.worker;

import java.util.List;
import java.util.Set;
import org.gridatlas.area.AreaService;
import org.gridatlas.ingest.Codes;
import org.gridatlas.ingest.Fields;
import org.gridatlas.ingest.ImportCounts;
import org.gridatlas.ingest.ImportKind;
import org.gridatlas.ingest.Importer;
import org.gridatlas.ingest.RecordLoader;
import org.gridatlas.security.Scope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Grid workers (网格员) from CSV; name and phone are personal data and are never logged. */
@Component
class WorkerImporter implements Importer {
    static final Set<String> KINDS =
            Set.of("full_time", "instructor", "part_time", "building_leader", "party_member", "volunteer", "mobile");
    private static final String UPSERT =
            """
            INSERT INTO worker (code, name, phone, kind, community_code)
            VALUES (:code, :name, :phone, :kind, :community)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, phone = excluded.phone, kind = excluded.kind,
              community_code = excluded.community_code, active = true""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AreaService areas;

    WorkerImporter(JdbcClient jdbc, NamedParameterJdbcTemplate named, AreaService areas) {
        this.jdbc = jdbc;
        this.named = named;
        this.areas = areas;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.workers;
    }

    @Override
    public boolean allowedFor(Scope scope) {
        return !Scope.SUPERVISOR.equals(scope.role());
    }

    @Override
    public ImportCounts load(Source source, Context context) {
        Set<String> communities = areas.communityCodes();
        return RecordLoader.csv(
                source.in(),
                source.charset(),
                Set.of("code", "name", "kind", "community_code"),
                500,
                (row, fields) -> parse(fields, context.scope(), communities),
                this::upsert);
    }

    private MapSqlParameterSource parse(Fields fields, Scope scope, Set<String> communities) {
        String code = fields.text("code", true);
        String name = fields.text("name", true);
        String phone = fields.text("phone", false);
        String kind = fields.oneOf("kind", KINDS, true);
        String community = fields.code("community_code", Codes.COMMUNITY, "a 12-digit community code");
        if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
            fields.problem("phone", "is not a phone number"); // the value itself is personal: not echoed
            return null;
        }
        if (community != null && !communities.contains(community)) {
            fields.problem("community_code", "unknown community " + community);
            return null;
        }
        if (community != null && !scope.covers(community)) {
            fields.problem("community_code", "community " + community + " is outside your scope");
            return null;
        }
        if (code == null || name == null || kind == null || community == null) return null;
        return new MapSqlParameterSource()
                .addValue("code", code)
                .addValue("name", name)
                .addValue("phone", phone)
                .addValue("kind", kind)
                .addValue("community", community);
    }

    private int upsert(List<MapSqlParameterSource> batch) {
        int existing = RecordLoader.existing(
                jdbc,
                "worker",
                "code",
                batch.stream().map(p -> (String) p.getValue("code")).toList());
        named.batchUpdate(UPSERT, batch.toArray(MapSqlParameterSource[]::new));
        return existing;
    }
}
