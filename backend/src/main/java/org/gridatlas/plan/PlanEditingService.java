package org.gridatlas.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.api.ConflictException;
import org.gridatlas.security.GridAtlasUser;
import org.gridatlas.security.Scope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygonal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Editing boundary plans (网格划分方案): drafts copied from the published plan, edits that keep each community's grids
 * a coverage, their impact before they are saved, undo/redo from the history, and the optimistic version check that
 * keeps two planners from overwriting each other.
 */
@Service
public class PlanEditingService {
    static final Set<String> EDIT_KINDS = Set.of("reshape", "split", "merge", "move_buildings", "create", "delete");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private final PlanStore store;
    private final org.gridatlas.coverage.NormBandStore norms;
    private final CoverageEditor editor;
    private final CoverageRules rules;
    private final CoverageCache cache;

    PlanEditingService(
            PlanStore store,
            org.gridatlas.coverage.NormBandStore norms,
            CoverageCache cache,
            @Value("${gridatlas.plan.snap-tolerance-m:0.5}") double snapTolerance,
            @Value("${gridatlas.plan.area-tolerance-m2:1.0}") double areaTolerance) {
        this.store = store;
        this.norms = norms;
        this.cache = cache;
        this.editor = new CoverageEditor(snapTolerance);
        this.rules = new CoverageRules(areaTolerance);
    }

    /** A new draft, copied from the given plan (default: the street's published plan). */
    @Transactional
    public long createDraft(
            GridAtlasUser user, Long basedOn, String street, String community, String name, String note) {
        Scope scope = user.scope();
        requirePlanner(scope);
        if (basedOn == null) {
            String s = street != null
                    ? street
                    : community != null && community.length() >= 9 ? community.substring(0, 9) : scope.streetCode();
            if (s == null) throw new BadParameterException("street", "say which street (or basedOn plan) to copy");
            basedOn = store.publishedPlanId(s);
            if (basedOn == null)
                throw new BadParameterException("street", "street " + s + " has no published plan to copy");
        }
        PlanStore.PlanRow base = visible(scope, basedOn, "basedOn");
        if (community != null && !community.startsWith(base.streetCode())) {
            throw new BadParameterException(
                    "community", "community " + community + " is not in street " + base.streetCode());
        }
        if (name == null || name.isBlank()) throw new BadParameterException("name", "give the draft a name");
        long id = store.insertDraft(base, community, name.strip(), note, user.username());
        store.event(id, "created", json(Map.of("basedOn", base.id())), user.username());
        return id;
    }

    /** The impact of an edit without saving it. */
    @Transactional(readOnly = true)
    public PlanViews.EditOutcome preview(GridAtlasUser user, long planId, EditRequest request) {
        PlanStore.PlanRow plan = editable(user.scope(), planId, false);
        return run(plan, request, false, user.username());
    }

    /** Saves an edit if the client's version is current and the edit breaks no rule (or the faults are accepted). */
    @Transactional
    public PlanViews.EditOutcome apply(GridAtlasUser user, long planId, EditRequest request) {
        PlanStore.PlanRow plan = editable(user.scope(), planId);
        requireVersion(plan, request.version());
        return run(plan, request, true, user.username());
    }

    private PlanViews.EditOutcome run(PlanStore.PlanRow plan, EditRequest request, boolean save, String author) {
        String community = communityOf(plan, request);
        PlanEdit edit = parse(request);
        CoverageCache.Entry cached =
                cache.get(plan.id(), community, plan.version(), () -> store.coverage(plan.id(), community));
        CommunityCoverage before = cached.coverage();
        // only splitting and creating give out a new code
        Set<String> taken = edit instanceof PlanEdit.Split || edit instanceof PlanEdit.Create
                ? store.codesEverUsed(community)
                : Set.of();
        CoverageEditor.Result result = editor.apply(before, edit, taken);
        CommunityCoverage after = result.after();
        Map<String, Geometry> changed = changedGrids(before, after);
        // only what the edit touched is checked and recounted; the rest is the cached coverage's
        List<CoverageRules.Violation> was = cached.violations(rules);
        List<CoverageRules.Violation> introduced = rules.introduced(was, rules.check(after, changed.keySet(), before));
        Map<String, String> heldBefore = cached.holders();
        EditImpact impact = EditImpact.between(
                before,
                after,
                NormBands.of(norms.inForce(plan.streetCode())),
                heldBefore,
                EditImpact.holdersAfterEdit(before, after, heldBefore, changed.keySet()));
        boolean accepted = Boolean.TRUE.equals(request.acceptViolations());
        int version = plan.version();
        if (save) {
            if (!introduced.isEmpty() && !accepted) {
                throw new ConflictException(
                        "edit",
                        "the edit breaks the grid rules: " + describe(introduced),
                        Map.of("violations", views(introduced)));
            }
            String communityName = store.communityName(community);
            Map<String, String> names = new TreeMap<>();
            changed.keySet()
                    .forEach(
                            code -> names.put(code, communityName + "第" + Integer.parseInt(code.substring(12)) + "网格"));
            Map<String, PlanStore.StoredGrid> storedBefore = store.stored(plan.id(), changed.keySet());
            storedBefore.forEach((code, g) -> {
                if (g != null) names.put(code, g.name());
            });
            store.writeMetric(plan.id(), community, changed, names);
            Map<String, PlanStore.StoredGrid> storedAfter = store.stored(plan.id(), changed.keySet());
            version = store.bumpVersion(plan.id());
            cache.put(plan.id(), community, version, storedAfter(before, storedAfter));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("version", version);
            payload.put("community", community);
            payload.put("edit", request);
            payload.put("grids", List.copyOf(changed.keySet()));
            if (!introduced.isEmpty()) payload.put("flagged", describe(introduced));
            payload.put("before", hex(storedBefore));
            payload.put("after", hex(storedAfter));
            store.event(plan.id(), edit.kind(), json(payload), author);
        }
        List<Geometry> shapes = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        changed.forEach((code, g) -> {
            if (g != null) {
                codes.add(code);
                shapes.add(g);
            }
        });
        return new PlanViews.EditOutcome(
                plan.id(),
                save,
                version,
                community,
                result.created(),
                impact,
                views(introduced),
                cached.views(() -> views(was)),
                featureCollection(codes, shapes));
    }

    /** The coverage as now stored: the grids before the edit with the changed ones as written (rounded to 1e-7°). */
    private static CommunityCoverage storedAfter(CommunityCoverage before, Map<String, PlanStore.StoredGrid> written) {
        Map<String, Geometry> grids = new TreeMap<>(before.grids());
        written.forEach((code, g) -> {
            if (g == null) grids.remove(code);
            else grids.put(code, g.metric());
        });
        return before.withGrids(grids);
    }

    /** Takes back the last edit not yet undone. */
    @Transactional
    public PlanViews.EditOutcome undo(GridAtlasUser user, long planId, Integer clientVersion) {
        return step(user, planId, clientVersion, true);
    }

    /** Makes again the last undone edit (until a new edit is made). */
    @Transactional
    public PlanViews.EditOutcome redo(GridAtlasUser user, long planId, Integer clientVersion) {
        return step(user, planId, clientVersion, false);
    }

    private PlanViews.EditOutcome step(GridAtlasUser user, long planId, Integer clientVersion, boolean undo) {
        PlanStore.PlanRow plan = editable(user.scope(), planId);
        requireVersion(plan, clientVersion);
        Deque<PlanStore.Event> done = new ArrayDeque<>();
        Deque<PlanStore.Event> undone = new ArrayDeque<>();
        Map<Integer, PlanStore.Event> bySeq = new LinkedHashMap<>();
        for (PlanStore.Event e : store.events(planId)) {
            bySeq.put(e.seq(), e);
            if (EDIT_KINDS.contains(e.kind())) {
                done.push(e);
                undone.clear();
            } else if (e.kind().equals("undo")) {
                undone.push(done.pop());
            } else if (e.kind().equals("redo")) {
                done.push(undone.pop());
            }
        }
        PlanStore.Event target = (undo ? done : undone).peek();
        if (target == null) {
            throw new ConflictException("plan", undo ? "nothing to undo" : "nothing to redo", Map.of());
        }
        JsonNode payload = JSON.readTree(target.payloadJson());
        Map<String, PlanStore.StoredGrid> grids = unhex(payload.get(undo ? "before" : "after"));
        store.restore(planId, grids);
        int version = store.bumpVersion(planId);
        store.event(
                planId,
                undo ? "undo" : "redo",
                json(Map.of("version", version, "target", target.seq())),
                user.username());
        String community = payload.get("community").asString();
        return new PlanViews.EditOutcome(
                planId,
                true,
                version,
                community,
                null,
                null,
                List.of(),
                List.of(),
                "{\"type\":\"FeatureCollection\",\"features\":[]}");
    }

    /** The faults of a plan per community (all of the plan's communities, or the one asked). */
    @Transactional(readOnly = true)
    public PlanViews.Validation validate(Scope scope, long planId, String community) {
        PlanStore.PlanRow plan = visible(scope, planId, "plan");
        Map<String, List<PlanViews.ViolationView>> out = new TreeMap<>();
        for (String c : communities(plan, community)) out.put(c, views(rules.check(store.coverage(planId, c))));
        return new PlanViews.Validation(planId, out);
    }

    /** What changes from plan {@code otherId} (e.g. the published one) to plan {@code planId}. */
    @Transactional(readOnly = true)
    public PlanViews.Comparison compare(Scope scope, long planId, Long otherId, String community) {
        PlanStore.PlanRow plan = visible(scope, planId, "plan");
        long withId = otherId != null
                ? otherId
                : Objects.requireNonNullElse(store.publishedPlanId(plan.streetCode()), planId);
        PlanStore.PlanRow other = visible(scope, withId, "with");
        if (!other.streetCode().equals(plan.streetCode())) {
            throw new BadParameterException("with", "plan " + withId + " is of another street");
        }
        List<EditImpact.GridChange> grids = new ArrayList<>();
        List<EditImpact.BuildingMove> moves = new ArrayList<>();
        List<Geometry> pieces = new ArrayList<>();
        List<String> props = new ArrayList<>();
        NormBands bands = NormBands.of(norms.inForce(plan.streetCode()));
        for (String c : communities(plan, community)) {
            CommunityCoverage before = store.coverage(withId, c);
            CommunityCoverage after = store.coverage(planId, c);
            EditImpact impact = EditImpact.between(before, after, bands);
            grids.addAll(impact.grids());
            moves.addAll(impact.moves());
            before.grids().forEach((from, a) -> after.grids().forEach((to, b) -> {
                if (from.equals(to) || !a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) return;
                Geometry piece = CoverageEditor.polygonal(a.intersection(b));
                if (piece.getArea() > 1.0) {
                    pieces.add(piece);
                    props.add("{\"from\":\"%s\",\"to\":\"%s\",\"area_m2\":%.1f}".formatted(from, to, piece.getArea()));
                }
            }));
        }
        return new PlanViews.Comparison(
                planId, withId, new EditImpact(grids, moves), featureCollectionWith(props, pieces));
    }

    /** The plan's history, without the stored geometries. */
    @Transactional(readOnly = true)
    public List<PlanViews.HistoryEntry> history(Scope scope, long planId) {
        visible(scope, planId, "plan");
        List<PlanViews.HistoryEntry> out = new ArrayList<>();
        for (PlanStore.Event e : store.events(planId)) {
            var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(e.payloadJson());
            node.remove("before");
            node.remove("after");
            out.add(new PlanViews.HistoryEntry(e.seq(), e.kind(), e.author(), e.at(), node.toString()));
        }
        return out;
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    PlanStore.PlanRow visible(Scope scope, long planId, String parameter) {
        PlanStore.PlanRow plan;
        try {
            plan = store.plan(planId, false);
        } catch (org.gridatlas.api.NotFoundException e) {
            throw new org.gridatlas.api.NotFoundException(parameter, e.getMessage());
        }
        boolean inScope = scope.coversStreet(plan.streetCode())
                || (scope.communityCode() != null
                        && scope.communityCode().startsWith(plan.streetCode())
                        && (plan.communityCode() == null || plan.communityCode().equals(scope.communityCode())));
        if (!inScope)
            throw new org.gridatlas.api.NotFoundException(parameter, "no boundary plan " + planId + " in your scope");
        return plan;
    }

    /** A draft locked for publishing, after the role, scope and version checks. */
    PlanStore.PlanRow editableForPublish(GridAtlasUser user, long planId, Integer clientVersion) {
        PlanStore.PlanRow plan = editable(user.scope(), planId);
        requireVersion(plan, clientVersion);
        return plan;
    }

    private PlanStore.PlanRow editable(Scope scope, long planId) {
        return editable(scope, planId, true);
    }

    /** A draft the user may edit; locked (for saving) so that concurrent saves queue and see the new version. */
    private PlanStore.PlanRow editable(Scope scope, long planId, boolean lock) {
        requirePlanner(scope);
        visible(scope, planId, "plan");
        PlanStore.PlanRow plan = store.plan(planId, lock);
        if (!plan.status().equals("draft")) {
            throw new ConflictException(
                    "plan", "plan " + planId + " is " + plan.status() + ": only drafts are edited", Map.of());
        }
        return plan;
    }

    private void requireVersion(PlanStore.PlanRow plan, Integer clientVersion) {
        if (clientVersion == null) throw new BadParameterException("version", "send the plan version you are editing");
        if (clientVersion != plan.version()) {
            List<Map<String, Object>> since = new ArrayList<>();
            for (PlanStore.Event e : store.events(plan.id())) {
                JsonNode p = JSON.readTree(e.payloadJson());
                if (p.has("version") && p.get("version").asInt() > clientVersion) {
                    Map<String, Object> change = new LinkedHashMap<>();
                    change.put("version", p.get("version").asInt());
                    change.put("kind", e.kind());
                    change.put("author", e.author());
                    change.put("at", e.at());
                    if (p.has("grids")) change.put("grids", JSON.treeToValue(p.get("grids"), List.class));
                    since.add(change);
                }
            }
            throw new ConflictException(
                    "version",
                    "plan " + plan.id() + " is at version " + plan.version() + ", not " + clientVersion
                            + ": someone saved edits meanwhile; reload and edit again",
                    Map.of("currentVersion", plan.version(), "changes", since));
        }
    }

    private static void requirePlanner(Scope scope) {
        if (!Scope.PLANNER.equals(scope.role()) && !Scope.ADMIN.equals(scope.role())) {
            throw new AccessDeniedException("boundary plans are edited by planners");
        }
    }

    private List<String> communities(PlanStore.PlanRow plan, String community) {
        if (community != null) {
            if (!community.startsWith(plan.streetCode()) || community.length() != 12) {
                throw new BadParameterException(
                        "community", "community " + community + " is not in street " + plan.streetCode());
            }
            return List.of(community);
        }
        if (plan.communityCode() != null) return List.of(plan.communityCode());
        return store.communitiesOf(plan.streetCode());
    }

    private static String communityOf(PlanStore.PlanRow plan, EditRequest r) {
        String code;
        String parameter;
        if ("create".equals(r.kind())) {
            code = r.community();
            parameter = "community";
        } else {
            code = r.grid() == null ? null : r.grid().length() == 15 ? r.grid().substring(0, 12) : "";
            parameter = "grid";
        }
        if (code == null) throw new BadParameterException(parameter, "say which " + parameter);
        if (!code.matches("[0-9]{12}") || !code.startsWith(plan.streetCode())) {
            throw new BadParameterException(
                    parameter,
                    parameter + " " + (parameter.equals("grid") ? r.grid() : code)
                            + " is not a grid/community code of street " + plan.streetCode());
        }
        if (plan.communityCode() != null && !plan.communityCode().equals(code)) {
            throw new BadParameterException(parameter, "this draft covers community " + plan.communityCode() + " only");
        }
        if (r.other() != null && !r.other().startsWith(code)) {
            throw new BadParameterException("other", "grid " + r.other() + " is not in community " + code);
        }
        return code;
    }

    private PlanEdit parse(EditRequest r) {
        if (r.kind() == null || !EDIT_KINDS.contains(r.kind())) {
            throw new BadParameterException("kind", "kind must be one of " + new java.util.TreeSet<>(EDIT_KINDS));
        }
        return switch (r.kind()) {
            case "reshape" ->
                new PlanEdit.Reshape(
                        r.grid(), polygon(r.geometry(), "geometry"), !Boolean.FALSE.equals(r.neighboursFollow()));
            case "split" -> new PlanEdit.Split(r.grid(), line(r.line()));
            case "merge" -> new PlanEdit.Merge(r.grid(), required(r.other(), "other"));
            case "delete" -> new PlanEdit.Delete(r.grid(), required(r.other(), "other"));
            case "move_buildings" ->
                new PlanEdit.MoveBuildings(r.buildings() == null ? List.of() : r.buildings(), r.grid());
            default -> new PlanEdit.Create(polygon(r.geometry(), "geometry"));
        };
    }

    private static String required(String value, String parameter) {
        if (value == null || value.isBlank()) throw new BadParameterException(parameter, parameter + " is required");
        return value;
    }

    private Geometry polygon(JsonNode node, String parameter) {
        Geometry g = geometry(node, parameter);
        if (!(g instanceof Polygonal))
            throw new BadParameterException(parameter, parameter + " must be a Polygon or MultiPolygon");
        return g;
    }

    private LineString line(JsonNode node) {
        Geometry g = geometry(node, "line");
        if (!(g instanceof LineString l)) throw new BadParameterException("line", "line must be a LineString");
        return l;
    }

    private Geometry geometry(JsonNode node, String parameter) {
        if (node == null || node.isNull())
            throw new BadParameterException(parameter, parameter + " is required (GeoJSON)");
        try {
            return store.fromGeoJson(node.toString());
        } catch (DataAccessException e) {
            throw new BadParameterException(parameter, parameter + " is not a readable GeoJSON geometry");
        }
    }

    private static Map<String, Geometry> changedGrids(CommunityCoverage before, CommunityCoverage after) {
        Map<String, Geometry> changed = new TreeMap<>();
        Set<String> codes = new LinkedHashSet<>(before.grids().keySet());
        codes.addAll(after.grids().keySet());
        for (String code : codes) {
            Geometry a = before.grids().get(code);
            Geometry b = after.grids().get(code);
            if (a == null || b == null || !a.equalsExact(b)) changed.put(code, b);
        }
        return changed;
    }

    private List<PlanViews.ViolationView> views(List<CoverageRules.Violation> violations) {
        List<Geometry> where =
                violations.stream().map(CoverageRules.Violation::where).toList();
        List<String> geoJson = store.toGeoJson(where);
        List<PlanViews.ViolationView> out = new ArrayList<>();
        for (int i = 0; i < violations.size(); i++) {
            CoverageRules.Violation v = violations.get(i);
            out.add(new PlanViews.ViolationView(
                    v.kind(), v.grids(), v.building(), Math.round(v.areaM2() * 10) / 10.0, geoJson.get(i)));
        }
        out.sort(Comparator.comparing(PlanViews.ViolationView::kind));
        return out;
    }

    private static String describe(List<CoverageRules.Violation> violations) {
        List<String> parts = new ArrayList<>();
        for (CoverageRules.Violation v : violations) {
            parts.add(v.kind()
                    + (v.building() != null ? " " + v.building() : "")
                    + (v.grids().isEmpty() ? "" : " " + v.grids())
                    + " %.1f m²".formatted(v.areaM2()));
        }
        return String.join("; ", parts);
    }

    private String featureCollection(List<String> codes, List<Geometry> shapes) {
        List<String> props = codes.stream().map(c -> "{\"code\":\"" + c + "\"}").toList();
        return featureCollectionWith(props, shapes);
    }

    private String featureCollectionWith(List<String> properties, List<Geometry> shapes) {
        List<String> geoJson = store.toGeoJson(shapes);
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < shapes.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"type\":\"Feature\",\"properties\":")
                    .append(properties.get(i))
                    .append(",\"geometry\":")
                    .append(geoJson.get(i))
                    .append('}');
        }
        return sb.append("]}").toString();
    }

    private static Map<String, Object> hex(Map<String, PlanStore.StoredGrid> grids) {
        Map<String, Object> out = new TreeMap<>();
        grids.forEach((code, g) ->
                out.put(code, g == null ? null : Map.of("name", g.name(), "ewkb", HEX.formatHex(g.ewkb()))));
        return out;
    }

    private static Map<String, PlanStore.StoredGrid> unhex(JsonNode node) {
        Map<String, PlanStore.StoredGrid> out = new TreeMap<>();
        node.properties()
                .forEach(e -> out.put(
                        e.getKey(),
                        e.getValue().isNull()
                                ? null
                                : new PlanStore.StoredGrid(
                                        e.getValue().get("name").asString(),
                                        HEX.parseHex(e.getValue().get("ewkb").asString()))));
        return out;
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
