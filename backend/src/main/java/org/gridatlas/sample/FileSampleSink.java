package org.gridatlas.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes streets in the import formats of gis-data/schemas/README.md: four GeoJSON files, three CSV files (UTF-8,
 * no BOM, LF line ends) and manifest.json.
 */
public final class FileSampleSink implements SampleSink {
    private final Path dir;
    private final GeoJsonFeatureWriter streets;
    private final GeoJsonFeatureWriter communities;
    private final GeoJsonFeatureWriter grids;
    private final GeoJsonFeatureWriter buildings;
    private final CSVPrinter workers;
    private final CSVPrinter assignments;
    private final CSVPrinter incidents;
    private boolean closed;

    public FileSampleSink(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        streets = new GeoJsonFeatureWriter(dir.resolve("streets.geojson"));
        communities = new GeoJsonFeatureWriter(dir.resolve("communities.geojson"));
        grids = new GeoJsonFeatureWriter(dir.resolve("grids.geojson"));
        buildings = new GeoJsonFeatureWriter(dir.resolve("buildings.geojson"));
        workers = csv("workers.csv", "code", "name", "phone", "kind", "community_code");
        assignments = csv(
                "assignments.csv",
                "worker_code",
                "grid_code",
                "building_code",
                "role",
                "households",
                "valid_from",
                "valid_to");
        incidents = csv(
                "incidents.csv",
                "external_id",
                "source",
                "category_big",
                "category_small",
                "description",
                "reported_at",
                "accepted_at",
                "dispatched_at",
                "resolved_at",
                "closed_at",
                "status",
                "resolution_level",
                "satisfaction",
                "lon",
                "lat",
                "address");
    }

    private CSVPrinter csv(String name, String... header) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader(header)
                .setRecordSeparator('\n')
                .get();
        return new CSVPrinter(Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8), format);
    }

    @Override
    public void accept(StreetSample s) throws IOException {
        StreetFeature st = s.street();
        streets.write(
                props(
                        "code",
                        st.code(),
                        "name",
                        st.name(),
                        "district_code",
                        st.districtCode(),
                        "district_name",
                        st.districtName()),
                st.geometry());
        for (CommunityFeature c : s.communities()) {
            communities.write(props("code", c.code(), "name", c.name(), "street_code", c.streetCode()), c.geometry());
        }
        for (GridFeature g : s.grids()) {
            grids.write(props("code", g.code(), "name", g.name(), "community_code", g.communityCode()), g.geometry());
        }
        for (BuildingFeature b : s.buildings()) {
            buildings.write(
                    props(
                            "code",
                            b.code(),
                            "community_code",
                            b.communityCode(),
                            "address",
                            b.address(),
                            "compound",
                            b.compound(),
                            "type",
                            b.type(),
                            "floors",
                            b.floors(),
                            "units",
                            b.units(),
                            "households",
                            b.households(),
                            "residents",
                            b.residents(),
                            "has_elevator",
                            b.hasElevator(),
                            "built_year",
                            b.builtYear()),
                    b.footprint());
        }
        for (WorkerRow w : s.workers()) {
            workers.printRecord(w.code(), w.name(), w.phone(), w.kind(), w.communityCode());
        }
        for (AssignmentRow a : s.assignments()) {
            assignments.printRecord(
                    a.workerCode(),
                    a.gridCode(),
                    a.buildingCode(),
                    a.role(),
                    a.households(),
                    a.validFrom(),
                    a.validTo());
        }
        for (IncidentRow i : s.incidents()) {
            incidents.printRecord(incidentRecord(i));
        }
    }

    private static List<Object> incidentRecord(IncidentRow i) {
        List<Object> r = new ArrayList<>(16);
        r.add(i.externalId());
        r.add(i.source());
        r.add(i.categoryBig());
        r.add(i.categorySmall());
        r.add(i.description());
        for (OffsetDateTime t :
                new OffsetDateTime[] {i.reportedAt(), i.acceptedAt(), i.dispatchedAt(), i.resolvedAt(), i.closedAt()}) {
            r.add(t == null ? null : IncidentCalendar.format(t));
        }
        r.add(i.status());
        r.add(i.resolutionLevel());
        r.add(i.satisfaction());
        r.add(i.lon() == null ? null : Decimal7.format(i.lon()));
        r.add(i.lat() == null ? null : Decimal7.format(i.lat()));
        r.add(i.address());
        return r;
    }

    private static Map<String, Object> props(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Override
    public void finish(Manifest manifest) throws IOException {
        close();
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        Files.writeString(
                dir.resolve("manifest.json"), mapper.writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        streets.close();
        communities.close();
        grids.close();
        buildings.close();
        workers.close();
        assignments.close();
        incidents.close();
    }
}
