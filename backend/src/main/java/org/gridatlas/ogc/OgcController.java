package org.gridatlas.ogc;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.api.LayerLimits;
import org.gridatlas.api.LayerRequest;
import org.gridatlas.api.TimeInterval;
import org.gridatlas.security.GridAtlasUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API – Features endpoints under /ogc. Parses and checks the parameters (an unknown or invalid one is a 400
 * naming it, as the standard requires), picks the encoding ({@code f} or the Accept header) and hands over.
 */
@Hidden // described by its own OpenAPI 3.0 document at /ogc/api
@RestController
class OgcController {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> FORMAT_ONLY = Set.of("f");
    private static final Set<String> ITEMS_PARAMS = Set.of("f", "bbox", "datetime", "limit", "offset");
    private static final int DEFAULT_LIMIT = 10;

    private final OgcService ogc;
    private final OgcOpenApi openApi;
    private final OgcHtml html;
    private final OgcExports exports;
    private final LayerLimits limits;

    OgcController(OgcService ogc, OgcOpenApi openApi, OgcHtml html, OgcExports exports, LayerLimits limits) {
        this.ogc = ogc;
        this.openApi = openApi;
        this.html = html;
        this.exports = exports;
        this.limits = limits;
    }

    @GetMapping({"/ogc", "/ogc/"})
    ResponseEntity<String> landing(HttpServletRequest request) {
        String f = format(request, FORMAT_ONLY, Set.of("json", "html"));
        Map<String, Object> body = ogc.landing(base());
        return f.equals("html") ? html(html.landing(body)) : json(body, OgcService.JSON);
    }

    @GetMapping("/ogc/api")
    ResponseEntity<String> api(HttpServletRequest request, @AuthenticationPrincipal GridAtlasUser user) {
        String f = format(request, FORMAT_ONLY, Set.of("json", "html"));
        String doc = openApi.document(user.scope(), base());
        return f.equals("html") ? html(html.apiDoc(doc)) : text(doc, OgcService.OPENAPI);
    }

    @GetMapping("/ogc/conformance")
    ResponseEntity<String> conformance(HttpServletRequest request) {
        String f = format(request, FORMAT_ONLY, Set.of("json", "html"));
        Map<String, Object> body = ogc.conformance(base());
        return f.equals("html") ? html(html.conformance(body)) : json(body, OgcService.JSON);
    }

    @GetMapping("/ogc/collections")
    ResponseEntity<String> collections(HttpServletRequest request, @AuthenticationPrincipal GridAtlasUser user) {
        String f = format(request, FORMAT_ONLY, Set.of("json", "html"));
        Map<String, Object> body = ogc.collections(user.scope(), base());
        return f.equals("html") ? html(html.collections(body)) : json(body, OgcService.JSON);
    }

    @GetMapping("/ogc/collections/{collectionId}")
    ResponseEntity<String> collection(
            @PathVariable String collectionId,
            HttpServletRequest request,
            @AuthenticationPrincipal GridAtlasUser user) {
        String f = format(request, FORMAT_ONLY, Set.of("json", "html"));
        Map<String, Object> body = ogc.collection(user.scope(), base(), collectionId);
        return f.equals("html") ? html(html.collection(body)) : json(body, OgcService.JSON);
    }

    @GetMapping("/ogc/collections/{collectionId}/items")
    ResponseEntity<?> items(
            @PathVariable String collectionId,
            HttpServletRequest request,
            @AuthenticationPrincipal GridAtlasUser user) {
        String f = format(request, ITEMS_PARAMS, Set.of("json", "geojson", "html", "csv", "gpkg"));
        OgcCollection c = ogc.require(user.scope(), collectionId);
        LayerRequest layer = limits.parse(
                        request.getParameter("bbox"),
                        integer(request, "limit", DEFAULT_LIMIT),
                        integer(request, "offset", 0))
                .withInterval(TimeInterval.parse("datetime", request.getParameter("datetime")));
        if (f.equals("csv") || f.equals("gpkg")) {
            return exports.export(f, c.id(), c.source().features(user.scope(), layer));
        }
        String body = ogc.items(user.scope(), base(), c, layer, filterQuery(request));
        return f.equals("html") ? html(html.items(c, body)) : text(body, OgcService.GEOJSON);
    }

    @GetMapping("/ogc/collections/{collectionId}/items/{featureId}")
    ResponseEntity<String> item(
            @PathVariable String collectionId,
            @PathVariable String featureId,
            HttpServletRequest request,
            @AuthenticationPrincipal GridAtlasUser user) {
        String f = format(request, FORMAT_ONLY, Set.of("json", "geojson", "html"));
        OgcCollection c = ogc.require(user.scope(), collectionId);
        String body = ogc.item(user.scope(), base(), c, featureId, limits.parse(null, 1, 0));
        return f.equals("html") ? html(html.item(c, body)) : text(body, OgcService.GEOJSON);
    }

    /** Refuses unknown parameters (400 naming them) and picks the encoding from f, else from Accept (JSON default). */
    private static String format(HttpServletRequest request, Set<String> allowed, Set<String> formats) {
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name)) {
                throw new BadParameterException(
                        name,
                        "unknown parameter '" + name + "'; this resource takes "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        String f = request.getParameter("f");
        if (f != null) {
            if (!formats.contains(f)) {
                throw new BadParameterException(
                        "f",
                        "f must be one of "
                                + String.join(", ", formats.stream().sorted().toList()));
            }
            return f;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean wantsHtml = accept != null && accept.contains("text/html") && !accept.contains("json");
        return wantsHtml && formats.contains("html") ? "html" : "json";
    }

    private static Integer integer(HttpServletRequest request, String name, int defaultValue) {
        String v = request.getParameter(name);
        if (v == null || v.isBlank()) return defaultValue;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "'" + v + "' is not a whole number");
        }
    }

    /** The filters of the request (bbox, datetime), encoded again, for the paging links. */
    private static String filterQuery(HttpServletRequest request) {
        StringJoiner q = new StringJoiner("&");
        for (String name : new String[] {"bbox", "datetime"}) {
            String v = request.getParameter(name);
            if (v != null) q.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static ResponseEntity<String> json(Object body, String type) {
        return text(MAPPER.writeValueAsString(body), type);
    }

    private static ResponseEntity<String> text(String body, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).body(body);
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(body);
    }
}
