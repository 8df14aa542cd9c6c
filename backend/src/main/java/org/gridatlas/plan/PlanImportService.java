package org.gridatlas.plan;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.api.ConflictException;
import org.gridatlas.ingest.GeoJsonFeatures;
import org.gridatlas.ingest.Problems;
import org.gridatlas.security.GridAtlasUser;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A draft made from a file of grid polygons (GeoJSON FeatureCollection, or KML from a consumer GIS app): the
 * communities the file covers get exactly the file's grids, the others keep the published plan's. The file is read
 * whole first (every bad feature named with its field, nothing stored: 422), then checked with the rules of every
 * edit against the published plan (a gap, overlap, overhang or split building the published plan did not have: 409
 * with the faults and the features concerned, unless {@code acceptViolations}).
 */
@Service
public class PlanImportService {
    private static final Pattern GRID_CODE = Pattern.compile("[0-9]{15}");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final PlanStore store;
    private final PlanEditingService editing;
    private final CoverageRules rules;
    private final JdbcClient jdbc;

    PlanImportService(
            PlanStore store,
            PlanEditingService editing,
            JdbcClient jdbc,
            @org.springframework.beans.factory.annotation.Value("${gridatlas.plan.area-tolerance-m2:1.0}")
                    double areaTolerance) {
        this.store = store;
        this.editing = editing;
        this.jdbc = jdbc;
        this.rules = new CoverageRules(areaTolerance);
    }

    /**
     * One grid read from the file.
     *
     * @param feature its number in the file (1 = first)
     * @param geometry WGS84 (EPSG:4326)
     */
    record ImportedGrid(int feature, String code, String name, Geometry geometry) {}

    /**
     * What an import made.
     *
     * @param communities the communities whose grids the file replaced
     * @param existing faults the draft keeps from the published plan (or accepted ones), per community
     */
    public record Imported(
            long id, int version, int grids, List<String> communities, Map<String, List<String>> existing) {}

    @Transactional
    public Imported importDraft(
            GridAtlasUser user,
            String street,
            String community,
            String name,
            String note,
            String fileName,
            InputStream in,
            boolean acceptViolations)
            throws IOException {
        // the draft's checks (role, scope, base plan, community in street, name) come first: nothing is read before
        long draftId = editing.createDraft(user, null, street, community, name, note);
        PlanStore.PlanRow draft = store.plan(draftId, true);
        Problems problems = new Problems();
        List<ImportedGrid> grids = fileName != null && fileName.toLowerCase().endsWith(".kml")
                ? PlanKml.read(in, problems)
                : readGeoJson(in, problems);
        checkCodes(grids, draft, problems);
        if (grids.isEmpty() && !problems.any()) problems.add(0, "features", "the file holds no grid");
        problems.throwIfAny(); // rolls back the draft too

        Map<String, List<ImportedGrid>> byCommunity = new TreeMap<>();
        grids.forEach(g -> byCommunity
                .computeIfAbsent(g.code().substring(0, 12), k -> new ArrayList<>())
                .add(g));
        Long published = store.publishedPlanId(draft.streetCode());
        Map<String, List<String>> existing = new TreeMap<>();
        List<Map<String, Object>> refused = new ArrayList<>();
        for (var e : byCommunity.entrySet()) {
            replaceGrids(draftId, e.getKey(), e.getValue());
            CommunityCoverage now = store.coverage(draftId, e.getKey());
            List<CoverageRules.Violation> found = rules.check(now);
            List<CoverageRules.Violation> introduced = published == null
                    ? found
                    : rules.introduced(rules.check(store.coverage(published, e.getKey())), found);
            Map<String, Integer> featureOf = new LinkedHashMap<>();
            e.getValue().forEach(g -> featureOf.put(g.code(), g.feature()));
            for (CoverageRules.Violation v : introduced) {
                Map<String, Object> fault = new LinkedHashMap<>();
                fault.put("community", e.getKey());
                fault.put("kind", v.kind());
                fault.put("grids", v.grids());
                fault.put("features", v.grids().stream().map(featureOf::get).toList());
                if (v.building() != null) fault.put("building", v.building());
                fault.put("areaM2", Math.round(v.areaM2() * 10) / 10.0);
                refused.add(fault);
            }
            List<String> kept = new ArrayList<>();
            for (CoverageRules.Violation v : found) {
                kept.add(v.kind() + (v.building() == null ? "" : " " + v.building()) + " " + v.grids());
            }
            if (!kept.isEmpty()) existing.put(e.getKey(), kept);
        }
        if (!refused.isEmpty() && !acceptViolations) {
            throw new ConflictException(
                    "file",
                    "the file's grids break the grid rules (" + refused.size() + " faults); fix the file or import"
                            + " with acceptViolations",
                    Map.of("violations", refused));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("file", fileName);
        payload.put("grids", grids.size());
        payload.put("communities", List.copyOf(byCommunity.keySet()));
        if (!refused.isEmpty()) payload.put("flagged", refused);
        store.event(draftId, "imported", JSON.writeValueAsString(payload), user.username());
        return new Imported(draftId, draft.version(), grids.size(), List.copyOf(byCommunity.keySet()), existing);
    }

    private static List<ImportedGrid> readGeoJson(InputStream in, Problems problems) {
        List<ImportedGrid> out = new ArrayList<>();
        GeoJsonFeatures.readPolygons(in, problems, f -> {
            String code = f.text("code");
            if (code == null) problems.add(f.number(), "code", "is missing: each grid needs its 15-digit code");
            if (code != null && f.geometry() != null) {
                out.add(new ImportedGrid(f.number(), code.strip(), f.text("name"), f.geometry()));
            }
        });
        return out;
    }

    private void checkCodes(List<ImportedGrid> grids, PlanStore.PlanRow draft, Problems problems) {
        TreeSet<String> communities = new TreeSet<>(store.communitiesOf(draft.streetCode()));
        Map<String, Integer> seen = new TreeMap<>();
        for (ImportedGrid g : grids) {
            String code = g.code();
            if (!GRID_CODE.matcher(code).matches()) {
                problems.add(g.feature(), "code", "'" + code + "' is not a 15-digit grid code");
            } else if (!communities.contains(code.substring(0, 12))) {
                problems.add(
                        g.feature(),
                        "code",
                        code + ": community " + code.substring(0, 12) + " is not in street " + draft.streetCode());
            } else if (draft.communityCode() != null && !code.startsWith(draft.communityCode())) {
                problems.add(g.feature(), "code", code + " is not in community " + draft.communityCode());
            } else if (seen.containsKey(code)) {
                problems.add(g.feature(), "code", code + " is also the code of feature " + seen.get(code));
            }
            seen.putIfAbsent(code, g.feature());
        }
    }

    /**
     * The community's grids in the draft become exactly the file's (WGS84, as given: rounding them would move shared
     * edges off the community's boundary by up to a centimetre, an overhang of a square metre on a long edge).
     */
    private void replaceGrids(long draftId, String community, List<ImportedGrid> grids) {
        jdbc.sql("DELETE FROM grid WHERE plan_id = :p AND community_code = :c")
                .param("p", draftId)
                .param("c", community)
                .update();
        String communityName = store.communityName(community);
        WKBWriter writer = new WKBWriter();
        for (ImportedGrid g : grids) {
            String name = g.name() != null && !g.name().isBlank()
                    ? g.name().strip()
                    : communityName + "第" + Integer.parseInt(g.code().substring(12)) + "网格";
            jdbc.sql(
                            """
                            INSERT INTO grid (plan_id, code, community_code, name, geom)
                            VALUES (:p, :code, :c, :name, ST_Multi(ST_GeomFromWKB(:g, 4326)))""")
                    .param("p", draftId)
                    .param("code", g.code())
                    .param("c", community)
                    .param("name", name)
                    .param("g", writer.write(g.geometry()))
                    .update();
        }
    }

    static BadParameterException noFile() {
        return new BadParameterException("file", "send the plan as a GeoJSON or KML file (multipart field 'file')");
    }
}
