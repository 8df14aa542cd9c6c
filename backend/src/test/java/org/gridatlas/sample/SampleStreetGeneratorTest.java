package org.gridatlas.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import tools.jackson.databind.JsonNode;

/**
 * Generates the sample street once (with fewer incidents) and checks the files with JTS, independently of the
 * generator's own bookkeeping: the tiling, the planted faults, the codes, determinism and the incident mix.
 */
class SampleStreetGeneratorTest {
    /** Fewer incidents than the committed sample keep the test quick; everything else is generated the same. */
    static final int INCIDENTS = 5_000;
    /** Slivers below this many m² would be rounding noise; the coverage must have none at all. */
    static final double SLIVER = 0.01;

    @TempDir
    static Path dir;

    static JsonNode manifest;
    static SampleFiles.Feature street;
    static List<SampleFiles.Feature> communities;
    static List<SampleFiles.Feature> grids;
    static List<SampleFiles.Feature> buildings;
    /** UTM geometries by code. */
    static final Map<String, Geometry> utm = new TreeMap<>();

    @BeforeAll
    static void generate() throws Exception {
        generate(dir, GeneratorOptions.DEFAULT_SEED, 1);
        manifest = SampleFiles.manifest(dir);
        street = SampleFiles.features(dir.resolve("streets.geojson")).get(0);
        communities = SampleFiles.features(dir.resolve("communities.geojson"));
        grids = SampleFiles.features(dir.resolve("grids.geojson"));
        buildings = SampleFiles.features(dir.resolve("buildings.geojson"));
        for (SampleFiles.Feature f : concat(List.of(street), communities, grids)) {
            utm.put(f.text("code"), SampleFiles.utm(f.geometry()));
        }
    }

    static void generate(Path out, long seed, int scale) throws IOException {
        try (FileSampleSink sink = new FileSampleSink(out)) {
            SampleStreetGenerator.generate(new GeneratorOptions(seed, scale, out, INCIDENTS), sink);
        }
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    @Test
    void communitiesTileTheStreetExactly() {
        Geometry streetUtm = utm.get(street.text("code"));
        List<Geometry> parts =
                communities.stream().map(c -> utm.get(c.text("code"))).toList();
        double area = streetUtm.getArea();

        assertThat(parts).hasSize(8);
        assertThat(parts.stream().mapToDouble(Geometry::getArea).sum()).isCloseTo(area, within(area * 1e-4));
        Geometry union = OverlayNGRobust.union(parts);
        assertThat(union.getArea()).isCloseTo(area, within(area * 1e-4));
        assertThat(difference(streetUtm, union).getArea()).isLessThan(SLIVER);
        assertThat(difference(union, streetUtm).getArea()).isLessThan(SLIVER);
        assertThat(overlaps(parts)).isEmpty();
    }

    @Test
    void gridsTileTheirCommunityExceptThePlantedGapAndOverlap() {
        JsonNode gap = manifest.at("/faults/gaps/0");
        JsonNode overlap = manifest.at("/faults/overlaps/0");
        assertThat(manifest.at("/faults/gaps").size()).isEqualTo(1);
        assertThat(manifest.at("/faults/overlaps").size()).isEqualTo(1);
        assertThat(gap.get("area_m2").asDouble()).isGreaterThan(1000);
        assertThat(overlap.get("area_m2").asDouble()).isGreaterThan(300);

        for (SampleFiles.Feature c : communities) {
            String code = c.text("code");
            List<Geometry> parts = grids.stream()
                    .filter(g -> g.text("community_code").equals(code))
                    .map(g -> utm.get(g.text("code")))
                    .toList();
            Geometry union = OverlayNGRobust.union(parts);
            double uncovered = difference(utm.get(code), union).getArea();
            double expected = code.equals(gap.get("community_code").asString())
                    ? gap.get("area_m2").asDouble()
                    : 0;
            assertThat(uncovered)
                    .as("area of %s in none of its grids", code)
                    .isCloseTo(expected, within(Math.max(SLIVER, expected * 0.005)));
            assertThat(difference(union, utm.get(code)).getArea())
                    .as("grids of %s outside it", code)
                    .isLessThan(SLIVER);
        }

        List<Geometry> all = grids.stream().map(g -> utm.get(g.text("code"))).toList();
        Map<String, Double> found = overlaps(all);
        String a = overlap.get("grid_code").asString();
        String b = overlap.get("neighbour_grid_code").asString();
        int ia = indexOf(grids, a);
        int ib = indexOf(grids, b);
        assertThat(found).containsOnlyKeys(Math.min(ia, ib) + "/" + Math.max(ia, ib));
        assertThat(found.values().iterator().next())
                .isCloseTo(
                        overlap.get("area_m2").asDouble(),
                        within(overlap.get("area_m2").asDouble() * 0.005));
    }

    @Test
    void everyBuildingLiesInExactlyOneGridOfItsCommunityExceptTheThreeStraddlers() throws Exception {
        Map<String, JsonNode> straddlers = new HashMap<>();
        manifest.at("/faults/straddling_buildings")
                .forEach(s -> straddlers.put(s.get("building_code").asString(), s));
        assertThat(straddlers).hasSize(3);

        for (SampleFiles.Feature b : buildings) {
            Geometry footprint = b.geometry();
            List<SampleFiles.Feature> inside =
                    grids.stream().filter(g -> g.geometry().covers(footprint)).toList();
            JsonNode straddler = straddlers.get(b.text("code"));
            if (straddler == null) {
                assertThat(inside).as("grids holding %s", b.text("code")).hasSize(1);
                assertThat(inside.get(0).text("community_code")).isEqualTo(b.text("community_code"));
            } else {
                assertThat(inside).isEmpty();
                checkShares(b, straddler);
            }
        }
    }

    private static void checkShares(SampleFiles.Feature building, JsonNode straddler) throws Exception {
        Geometry footprint = SampleFiles.utm(building.geometry());
        Map<String, Double> shares = new TreeMap<>();
        for (SampleFiles.Feature g : grids) {
            double a = OverlayNGRobust.overlay(utm.get(g.text("code")), footprint, OverlayNG.INTERSECTION)
                    .getArea();
            if (a > SLIVER) {
                shares.put(g.text("code"), a / footprint.getArea());
                assertThat(g.text("community_code")).isEqualTo(building.text("community_code"));
            }
        }
        assertThat(shares).hasSize(2);
        for (JsonNode s : straddler.get("shares")) {
            assertThat(shares.get(s.get("grid_code").asString()))
                    .isCloseTo(s.get("share").asDouble(), within(0.01));
        }
        assertThat(shares.values())
                .allSatisfy(v -> assertThat(Math.min(v, 1 - v)).isBetween(0.3, 0.45));
    }

    @Test
    void codesHaveTheirLengthsAndTheirParentsPrefix() throws IOException {
        String streetCode = street.text("code");
        assertThat(streetCode).matches("\\d{9}").startsWith(street.text("district_code"));
        Set<String> communityCodes = new HashSet<>();
        for (SampleFiles.Feature c : communities) {
            assertThat(c.text("code")).matches("\\d{12}").startsWith(streetCode);
            assertThat(c.text("street_code")).isEqualTo(streetCode);
            communityCodes.add(c.text("code"));
        }
        Set<String> gridCodes = new HashSet<>();
        for (SampleFiles.Feature g : grids) {
            String code = g.text("code");
            assertThat(code).matches("\\d{15}").startsWith(g.text("community_code"));
            assertThat(communityCodes).contains(g.text("community_code"));
            assertThat(g.text("name")).endsWith("第" + Integer.parseInt(code.substring(12)) + "网格");
            assertThat(gridCodes.add(code)).isTrue();
        }
        assertThat(communities.get(0).text("name")).isEqualTo("潜龙社区");
        assertThat(buildings.stream().map(b -> b.text("code")).distinct()).hasSize(buildings.size());
        assertThat(buildings).allSatisfy(b -> assertThat(communityCodes).contains(b.text("community_code")));
        Set<String> workerCodes = new HashSet<>();
        for (CSVRecord w : SampleFiles.csv(dir.resolve("workers.csv"))) {
            assertThat(w.get("code")).matches("W" + w.get("community_code") + "-\\d{4}");
            assertThat(w.get("phone")).matches("1[358]\\d{9}");
            assertThat(workerCodes.add(w.get("code"))).isTrue();
        }
        Set<String> buildingCodes =
                new HashSet<>(buildings.stream().map(b -> b.text("code")).toList());
        for (CSVRecord a : SampleFiles.csv(dir.resolve("assignments.csv"))) {
            assertThat(workerCodes).contains(a.get("worker_code"));
            assertThat(gridCodes).contains(a.get("grid_code"));
            assertThat(a.get("building_code").isEmpty() || buildingCodes.contains(a.get("building_code")))
                    .isTrue();
        }
    }

    @Test
    void theSameSeedGivesByteIdenticalFiles(@TempDir Path again) throws IOException {
        generate(again, GeneratorOptions.DEFAULT_SEED, 1);
        for (String file : ManifestBuilder.FILES) {
            assertThat(Files.mismatch(dir.resolve(file), again.resolve(file)))
                    .as(file)
                    .isEqualTo(-1L);
        }
    }

    @Test
    void resolutionLevelsFollowThe721Mix() throws IOException {
        Map<String, Integer> levels = new TreeMap<>();
        int resolved = 0;
        for (CSVRecord i : SampleFiles.csv(dir.resolve("incidents.csv"))) {
            if (!i.get("resolution_level").isEmpty()) {
                levels.merge(i.get("resolution_level"), 1, Integer::sum);
                resolved++;
            }
        }
        assertThat(levels.get("community") / (double) resolved).isCloseTo(0.7, within(0.05));
        assertThat(levels.get("department") / (double) resolved).isCloseTo(0.2, within(0.05));
        assertThat(levels.get("street") / (double) resolved).isCloseTo(0.1, within(0.05));
    }

    @Test
    void twoGridsHaveNoWorkerAndOneBuildingLeaderReportsToAnotherGrid() throws IOException {
        Set<String> unstaffed = new HashSet<>();
        manifest.at("/faults/grids_without_workers")
                .forEach(g -> unstaffed.add(g.get("grid_code").asString()));
        List<CSVRecord> assignments = SampleFiles.csv(dir.resolve("assignments.csv"));
        Map<String, Integer> chiefs = new HashMap<>();
        Set<String> staffed = new HashSet<>();
        for (CSVRecord a : assignments) {
            staffed.add(a.get("grid_code"));
            if (a.get("role").equals("grid_chief")) {
                chiefs.merge(a.get("grid_code"), 1, Integer::sum);
            }
        }
        assertThat(unstaffed).hasSize(2);
        for (SampleFiles.Feature g : grids) {
            String code = g.text("code");
            assertThat(staffed.contains(code)).as("grid %s has workers", code).isEqualTo(!unstaffed.contains(code));
            assertThat(chiefs.getOrDefault(code, 0)).isEqualTo(unstaffed.contains(code) ? 0 : 1);
        }

        Map<String, SampleFiles.Feature> byCode = new HashMap<>();
        buildings.forEach(b -> byCode.put(b.text("code"), b));
        List<String> misplaced = new ArrayList<>();
        for (CSVRecord a : assignments) {
            if (a.get("role").equals("building_leader")) {
                Geometry footprint = byCode.get(a.get("building_code")).geometry();
                SampleFiles.Feature grid = grids.get(indexOf(grids, a.get("grid_code")));
                if (!grid.geometry().covers(footprint)) {
                    misplaced.add(a.get("worker_code") + " " + a.get("building_code") + " " + a.get("grid_code"));
                }
            }
        }
        JsonNode fault = manifest.at("/faults/misplaced_building_leaders/0");
        assertThat(misplaced)
                .containsExactly(fault.get("worker_code").asString() + " "
                        + fault.get("building_code").asString() + " "
                        + fault.get("assigned_grid_code").asString());
        Geometry footprint = byCode.get(fault.get("building_code").asString()).geometry();
        assertThat(grids.get(indexOf(grids, fault.get("building_grid_code").asString()))
                        .geometry()
                        .covers(footprint))
                .isTrue();
    }

    @Test
    void fiftyIncidentsHaveOnlyAnAddressThatNamesABuilding() throws IOException {
        Map<String, String> addressOf = new HashMap<>();
        buildings.forEach(b -> addressOf.put(b.text("code"), b.text("address")));
        Map<String, JsonNode> expected = new HashMap<>();
        manifest.at("/faults/incidents_without_coordinates")
                .forEach(i -> expected.put(i.get("external_id").asString(), i));
        int exact = 0;
        for (CSVRecord i : SampleFiles.csv(dir.resolve("incidents.csv"))) {
            if (i.get("lon").isEmpty()) {
                assertThat(i.get("lat")).isEmpty();
                JsonNode fault = expected.remove(i.get("external_id"));
                assertThat(fault)
                        .as("incident %s is listed", i.get("external_id"))
                        .isNotNull();
                String address = addressOf.get(fault.get("building_code").asString());
                assertThat(address).endsWith(normalised(i.get("address")));
                exact += address.equals(i.get("address")) ? 1 : 0;
            }
        }
        assertThat(expected).isEmpty();
        assertThat(manifest.at("/faults/incidents_without_coordinates").size()).isEqualTo(50);
        assertThat(exact).isEqualTo(25);
    }

    /** Undoes the planted variations: full-width digits, 栋 for 幢, spaces. */
    private static String normalised(String address) {
        StringBuilder out = new StringBuilder();
        for (char c : address.toCharArray()) {
            if (c >= '０' && c <= '９') {
                out.append((char) ('0' + (c - '０')));
            } else if (c == '栋') {
                out.append('幢');
            } else if (c != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void incidentsHaveOrderedLifecyclesAndCataloguedCategories() throws IOException {
        Map<String, Set<String>> catalogue = catalogue();
        String[] stages = {"reported_at", "accepted_at", "dispatched_at", "resolved_at", "closed_at"};
        Set<String> ids = new HashSet<>();
        List<CSVRecord> incidents = SampleFiles.csv(dir.resolve("incidents.csv"));
        assertThat(incidents).hasSize(INCIDENTS);
        for (CSVRecord i : incidents) {
            assertThat(ids.add(i.get("external_id"))).isTrue();
            assertThat(i.get("external_id")).matches("(12345|XC|SSP|SP|CK)-20\\d{6}-\\d{6}");
            assertThat(catalogue.get(i.get("category_big"))).contains(i.get("category_small"));
            OffsetDateTime previous = null;
            int reached = 0;
            for (String stage : stages) {
                if (!i.get(stage).isEmpty()) {
                    OffsetDateTime t = OffsetDateTime.parse(i.get(stage));
                    assertThat(t.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
                    assertThat(previous == null || !t.isBefore(previous)).isTrue();
                    previous = t;
                    reached++;
                }
            }
            assertThat(i.get("status"))
                    .isEqualTo(List.of("reported", "accepted", "dispatched", "resolved", "closed")
                            .get(reached - 1));
            assertThat(i.get("resolution_level").isEmpty()).isEqualTo(reached < 4);
            assertThat(i.get("satisfaction").isEmpty() || reached == 5).isTrue();
        }
    }

    @Test
    void incidentPointsLieInsideTheStreetAndCrowdAroundTheMarkets() throws IOException {
        Geometry streetShape = street.geometry();
        List<Geometry> markets = buildings.stream()
                .filter(b -> b.text("compound") != null && b.text("compound").endsWith("农贸市场"))
                .map(SampleFiles.Feature::geometry)
                .toList();
        assertThat(markets).isNotEmpty();
        int vendors = 0;
        int nearMarket = 0;
        for (CSVRecord i : SampleFiles.csv(dir.resolve("incidents.csv"))) {
            if (i.get("lon").isEmpty()) {
                continue;
            }
            Geometry point = streetShape
                    .getFactory()
                    .createPoint(new Coordinate(Double.parseDouble(i.get("lon")), Double.parseDouble(i.get("lat"))));
            assertThat(streetShape.contains(point))
                    .as("incident %s inside the street", i.get("external_id"))
                    .isTrue();
            if (i.get("category_small").equals("占道经营")) {
                vendors++;
                // 0.0015° is about 150 m here
                nearMarket += markets.stream().anyMatch(m -> m.isWithinDistance(point, 0.0015)) ? 1 : 0;
            }
        }
        assertThat(nearMarket).isGreaterThan(vendors * 6 / 10);
    }

    /** Big class name → small class names, read from the migration that loads them. */
    private static Map<String, Set<String>> catalogue() throws IOException {
        String sql;
        try (InputStream in =
                SampleStreetGeneratorTest.class.getResourceAsStream("/db/migration/V2__incident_categories.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> names = new HashMap<>();
        Map<String, Set<String>> catalogue = new HashMap<>();
        Matcher m = Pattern.compile("\\('(\\d+)', (NULL|'(\\d+)'), '([^']+)'").matcher(sql);
        while (m.find()) {
            names.put(m.group(1), m.group(4));
            if (m.group(3) != null) {
                catalogue
                        .computeIfAbsent(names.get(m.group(3)), k -> new HashSet<>())
                        .add(m.group(4));
            }
        }
        return catalogue;
    }

    @Test
    void geoJsonIsRfc7946WithSevenDecimalsAndCounterClockwiseShells() throws IOException {
        for (String file : List.of("streets.geojson", "communities.geojson", "grids.geojson", "buildings.geojson")) {
            String text = Files.readString(dir.resolve(file));
            assertThat(text).doesNotContain("\"crs\"").startsWith("{\"type\":\"FeatureCollection\"");
            assertThat(Pattern.compile("\\d\\.\\d{8}").matcher(text).find())
                    .as(file)
                    .isFalse();
        }
        for (SampleFiles.Feature f : concat(communities, grids, buildings)) {
            for (int i = 0; i < f.geometry().getNumGeometries(); i++) {
                Polygon p = (Polygon) f.geometry().getGeometryN(i);
                assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinates()))
                        .isTrue();
                assertThat(p.isValid()).isTrue();
            }
        }
    }

    @Test
    void manifestCountsMatchTheFiles() throws IOException {
        JsonNode counts = manifest.get("counts");
        assertThat(counts.get("communities").asInt()).isEqualTo(communities.size());
        assertThat(counts.get("grids").asInt()).isEqualTo(grids.size()).isBetween(55, 65);
        assertThat(counts.get("buildings").asInt()).isEqualTo(buildings.size()).isBetween(2_200, 2_800);
        assertThat(counts.get("workers").asInt())
                .isEqualTo(SampleFiles.csv(dir.resolve("workers.csv")).size());
        assertThat(counts.get("assignments").asInt())
                .isEqualTo(SampleFiles.csv(dir.resolve("assignments.csv")).size());
        long households = buildings.stream()
                .mapToLong(b -> b.properties().get("households").asLong())
                .sum();
        assertThat(manifest.get("households").asLong()).isEqualTo(households).isBetween(22_000L, 28_000L);
        long inGrids = 0;
        for (JsonNode g : manifest.get("grids")) {
            inGrids += g.get("households").asLong();
        }
        assertThat(inGrids).isEqualTo(households);
    }

    @Test
    void aLargerScaleGivesStreetsSideBySideWithTheirOwnCodes(@TempDir Path district) throws Exception {
        generate(district, GeneratorOptions.DEFAULT_SEED, 2);
        List<SampleFiles.Feature> streets = SampleFiles.features(district.resolve("streets.geojson"));
        assertThat(streets).extracting(s -> s.text("code")).containsExactly("330212001", "330212002");
        Geometry a = SampleFiles.utm(streets.get(0).geometry());
        Geometry b = SampleFiles.utm(streets.get(1).geometry());
        assertThat(a.intersects(b)).isFalse();
        List<SampleFiles.Feature> districtGrids = SampleFiles.features(district.resolve("grids.geojson"));
        assertThat(districtGrids.stream().map(g -> g.text("code")).distinct()).hasSize(districtGrids.size());
        assertThat(SampleFiles.manifest(district).at("/faults/gaps").size()).isEqualTo(2);
        oldTownOfStreetOne(SampleFiles.features(district.resolve("buildings.geojson")), districtGrids);
    }

    /**
     * Street 1 (in --scale 2, the district and the city) has the old town the planner benchmarks need: one community
     * of at least 2,000 buildings in 10 grids, nearly all one-storey courtyard houses of 1–3 households; street 2,
     * like the sample street, has ordinary communities only (at most 1,300 buildings, 7–8 grids).
     */
    private static void oldTownOfStreetOne(List<SampleFiles.Feature> buildings, List<SampleFiles.Feature> grids) {
        Map<String, Integer> buildingsOf = new TreeMap<>();
        Map<String, Integer> courtyardsOf = new TreeMap<>();
        for (SampleFiles.Feature b : buildings) {
            String community = b.text("community_code");
            buildingsOf.merge(community, 1, Integer::sum);
            JsonNode p = b.properties();
            if (p.get("type").asString().equals("old") && p.get("floors").asInt() == 1) {
                assertThat(p.get("households").asInt()).as(b.text("code")).isBetween(1, 3);
                courtyardsOf.merge(community, 1, Integer::sum);
            }
        }
        Map<String, Integer> gridsOf = new TreeMap<>();
        grids.forEach(g -> gridsOf.merge(g.text("community_code"), 1, Integer::sum));
        List<String> oldTowns = buildingsOf.entrySet().stream()
                .filter(e -> e.getValue() >= 2_000)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(oldTowns).singleElement().asString().startsWith("330212001");
        String oldTown = oldTowns.get(0);
        assertThat(gridsOf.get(oldTown)).isEqualTo(10);
        assertThat(courtyardsOf.get(oldTown)).isGreaterThan(buildingsOf.get(oldTown) * 9 / 10);
        assertThat(courtyardsOf.keySet()).containsExactly(oldTown);
        buildingsOf.forEach((community, n) -> {
            if (!community.equals(oldTown)) {
                assertThat(n).as(community).isLessThanOrEqualTo(1_300);
                assertThat(gridsOf.get(community)).as(community).isBetween(7, 8);
            }
        });
    }

    private static Geometry difference(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE);
    }

    /** Pairs "i/j" of polygons whose intersection has an area, with that area. */
    private static Map<String, Double> overlaps(List<Geometry> polygons) {
        Map<String, Double> found = new TreeMap<>();
        for (int i = 0; i < polygons.size(); i++) {
            for (int j = i + 1; j < polygons.size(); j++) {
                Geometry a = polygons.get(i);
                Geometry b = polygons.get(j);
                if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
                    double area = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION)
                            .getArea();
                    if (area > SLIVER) {
                        found.put(i + "/" + j, area);
                    }
                }
            }
        }
        return found;
    }

    private static int indexOf(List<SampleFiles.Feature> features, String code) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).text("code").equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no feature " + code);
    }
}
