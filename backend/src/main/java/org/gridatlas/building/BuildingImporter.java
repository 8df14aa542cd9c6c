package org.gridatlas.building;

import java.util.List;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Buildings (楼栋) with their households from GeoJSON footprints; re-importing updates them by code. */
@Component
class BuildingImporter implements Importer {
    static final Set<String> TYPES = Set.of("old", "commercial", "resettlement", "public_rental", "other");
    private static final String UPSERT =
            """
            INSERT INTO building (code, community_code, address, address_norm, compound, type, floors, units,
                                  households, residents, has_elevator, built_year, footprint)
            VALUES (:code, :community, :address, :norm, :compound, :type, :floors, :units, :households, :residents,
                    :elevator, :year, ST_GeomFromEWKB(:geom))
            ON CONFLICT (code) DO UPDATE SET community_code = excluded.community_code, address = excluded.address,
              address_norm = excluded.address_norm, compound = excluded.compound, type = excluded.type,
              floors = excluded.floors, units = excluded.units, households = excluded.households,
              residents = excluded.residents, has_elevator = excluded.has_elevator, built_year = excluded.built_year,
              footprint = excluded.footprint""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AreaService areas;

    BuildingImporter(JdbcClient jdbc, NamedParameterJdbcTemplate named, AreaService areas) {
        this.jdbc = jdbc;
        this.named = named;
        this.areas = areas;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.buildings;
    }

    @Override
    public boolean allowedFor(Scope scope) {
        return Scope.ADMIN.equals(scope.role()) || Scope.PLANNER.equals(scope.role());
    }

    @Override
    public ImportCounts load(Source source, Context context) {
        Set<String> communities = areas.communityCodes();
        return RecordLoader.features(
                source.in(), 500, (f, fields) -> parse(f, fields, context.scope(), communities), this::upsert);
    }

    private MapSqlParameterSource parse(
            GeoJsonFeatures.Feature f, Fields fields, Scope scope, Set<String> communities) {
        String code = fields.text("code", true);
        String community = fields.code("community_code", Codes.COMMUNITY, "a 12-digit community code");
        String address = fields.text("address", true);
        String type = fields.oneOf("type", TYPES, true);
        Integer floors = fields.integer("floors", true, 1, 200);
        Integer units = fields.integer("units", false, 0, 100);
        Integer households = fields.integer("households", true, 0, 100_000);
        Integer residents = fields.integer("residents", true, 0, 1_000_000);
        Boolean elevator = fields.bool("has_elevator", false);
        Integer year = fields.integer("built_year", false, 1800, 2100);
        if (community != null && !communities.contains(community)) {
            fields.problem("community_code", "unknown community " + community);
            return null;
        }
        if (community != null && !scope.covers(community)) {
            fields.problem("community_code", "community " + community + " is outside your scope");
            return null;
        }
        if (code == null
                || community == null
                || address == null
                || type == null
                || floors == null
                || households == null
                || residents == null) return null;
        return new MapSqlParameterSource()
                .addValue("code", code)
                .addValue("community", community)
                .addValue("address", address)
                .addValue("norm", AddressNormalizer.normalize(address))
                .addValue("compound", fields.text("compound", false))
                .addValue("type", type)
                .addValue("floors", floors)
                .addValue("units", units == null ? 0 : units)
                .addValue("households", households)
                .addValue("residents", residents)
                .addValue("elevator", elevator != null && elevator)
                .addValue("year", year)
                .addValue("geom", Wkb.ewkb(f.geometry()));
    }

    private int upsert(List<MapSqlParameterSource> batch) {
        List<String> codes =
                batch.stream().map(p -> (String) p.getValue("code")).toList();
        int existing = RecordLoader.existing(jdbc, "building", "code", codes);
        named.batchUpdate(UPSERT, batch.toArray(MapSqlParameterSource[]::new));
        return existing;
    }
}
