package org.gridatlas.coverage;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.api.GeoJsonMediaType;
import org.gridatlas.security.GridAtlasUser;
import org.gridatlas.security.Scope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coverage endpoints (docs/api.md "Coverage"). Every endpoint takes plan, community, tolerance, from, to, weights and
 * the four norm bands (households_per_grid=min,max …); {@code f=json|geojson} picks the encoding.
 */
@RestController
class CoverageController {
    private static final List<String> BANDS = List.of(
            NormBand.HOUSEHOLDS_PER_GRID,
            NormBand.RESIDENTS_PER_GRID,
            NormBand.HOUSEHOLDS_PER_FULL_TIME_WORKER,
            NormBand.HOUSEHOLDS_PER_PARTY_MEMBER);

    private final CoverageService coverage;
    private final NormBandStore norms;

    CoverageController(CoverageService coverage, NormBandStore norms) {
        this.coverage = coverage;
        this.norms = norms;
    }

    /** The norm bands in force for a street (default: the user's; none for an admin of every street: the deployment's). */
    @GetMapping(path = "/api/coverage/norm-bands", produces = MediaType.APPLICATION_JSON_VALUE)
    String normBands(@RequestParam(required = false) String street, @AuthenticationPrincipal GridAtlasUser user) {
        String s = street(street, user);
        Scope scope = user.scope();
        boolean mine = scope.streetCode() == null || scope.streetCode().equals(s);
        if (s != null && !mine) throw new BadParameterException("street", "street " + s + " is not in your scope");
        return CoverageJson.json(new NormBandsAnswer(s, norms.stored(s)));
    }

    /** Sets norm bands (admins): body {"households_per_grid": {"min": 300, "max": 500, "target": 400}, …}. */
    @PutMapping(
            path = "/api/coverage/norm-bands",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    String putNormBands(
            @RequestParam(required = false) String street,
            @RequestBody Map<String, Map<String, Object>> bands,
            @AuthenticationPrincipal GridAtlasUser user) {
        String s = street(street, user);
        return CoverageJson.json(new NormBandsAnswer(s, norms.put(user.scope(), s, bands)));
    }

    /** The bands of a street, or of the deployment when streetCode is null. */
    record NormBandsAnswer(String streetCode, List<NormBandStore.StoredBand> bands) {}

    private static String street(String street, GridAtlasUser user) {
        String s = blankToNull(street);
        if (s == null) {
            String own = user.scope().streetCode();
            return own != null
                    ? own
                    : user.scope().communityCode() == null
                            ? null
                            : user.scope().communityCode().substring(0, 9);
        }
        if (!s.matches("[0-9]{9}"))
            throw new BadParameterException("street", "a street code has 9 digits, got '" + s + "'");
        return s;
    }

    /** Everything in one answer; {@code geometry=true} adds the GeoJSON geometry of each grid and fault (the page). */
    @GetMapping(path = "/api/coverage", produces = MediaType.APPLICATION_JSON_VALUE)
    void all(
            @RequestParam Map<String, String> params,
            @AuthenticationPrincipal GridAtlasUser user,
            HttpServletResponse response)
            throws IOException {
        boolean geometry = flag("geometry", params.get("geometry"));
        Coverage answer = coverage.coverage(user.scope(), request(params), geometry);
        // streamed: a city answer is tens of MB, built once as bytes rather than as a string first
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (geometry) CoverageJson.writeWithGeometry(response.getOutputStream(), answer);
        else CoverageJson.write(response.getOutputStream(), answer);
    }

    @GetMapping("/api/coverage/grids")
    ResponseEntity<String> grids(
            @RequestParam Map<String, String> params, @AuthenticationPrincipal GridAtlasUser user) {
        boolean geo = geojson(params, true);
        List<GridCoverage> grids = coverage.grids(user.scope(), request(params), geo);
        return geo
                ? geo(CoverageJson.features(grids, GridCoverage::code, GridCoverage::geometry, false))
                : json(CoverageJson.json(grids));
    }

    @GetMapping("/api/coverage/workers")
    ResponseEntity<String> workers(
            @RequestParam Map<String, String> params, @AuthenticationPrincipal GridAtlasUser user) {
        boolean geo = geojson(params, false);
        List<WorkerWorkload> workers =
                coverage.coverage(user.scope(), request(params), geo).workers();
        return geo
                ? geo(CoverageJson.features(workers, WorkerWorkload::code, WorkerWorkload::geometry, true))
                : json(CoverageJson.json(workers));
    }

    @GetMapping("/api/coverage/communities")
    ResponseEntity<String> communities(
            @RequestParam Map<String, String> params, @AuthenticationPrincipal GridAtlasUser user) {
        boolean geo = geojson(params, true);
        List<AreaRollup> areas =
                coverage.coverage(user.scope(), request(params), geo).communities();
        return geo
                ? geo(CoverageJson.features(areas, AreaRollup::code, AreaRollup::geometry, false))
                : json(CoverageJson.json(areas));
    }

    @GetMapping("/api/coverage/streets")
    ResponseEntity<String> streets(
            @RequestParam Map<String, String> params, @AuthenticationPrincipal GridAtlasUser user) {
        boolean geo = geojson(params, false);
        List<AreaRollup> areas =
                coverage.coverage(user.scope(), request(params), geo).streets();
        return geo
                ? geo(CoverageJson.features(areas, AreaRollup::code, AreaRollup::geometry, false))
                : json(CoverageJson.json(areas));
    }

    @GetMapping(path = "/api/coverage/faults", produces = GeoJsonMediaType.VALUE)
    String faults(@RequestParam Map<String, String> params, @AuthenticationPrincipal GridAtlasUser user) {
        String kind = params.get("kind");
        List<CoverageFault> faults = coverage.coverage(user.scope(), request(params), false).faults().stream()
                .filter(f -> kind == null || kind.isBlank() || f.kind().equals(kind))
                .toList();
        int[] n = {0};
        return CoverageJson.features(faults, f -> f.kind() + "-" + (++n[0]), CoverageFault::geometry, false);
    }

    private static CoverageRequest request(Map<String, String> p) {
        Map<String, String> bands = new LinkedHashMap<>();
        BANDS.forEach(b -> bands.put(b, p.get(b)));
        return CoverageRequest.parse(
                number("plan", p.get("plan"), Long::parseLong),
                blankToNull(p.get("community")),
                number("tolerance", p.get("tolerance"), Double::parseDouble),
                p.get("from"),
                p.get("to"),
                p.get("weights"),
                bands);
    }

    private static boolean geojson(Map<String, String> p, boolean byDefault) {
        String f = p.get("f");
        if (f == null || f.isBlank()) return byDefault;
        if (f.equals("geojson")) return true;
        if (f.equals("json")) return false;
        throw new BadParameterException("f", "f is json or geojson, got '" + f + "'");
    }

    private static boolean flag(String name, String text) {
        if (text == null || text.isBlank() || text.equals("false")) return false;
        if (text.equals("true")) return true;
        throw new BadParameterException(name, name + " is true or false, got '" + text + "'");
    }

    private static <T> T number(String name, String text, java.util.function.Function<String, T> parse) {
        if (text == null || text.isBlank()) return null;
        try {
            return parse.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "'" + text + "' is not a number");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static ResponseEntity<String> geo(String body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(GeoJsonMediaType.VALUE))
                .body(body);
    }

    private static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
