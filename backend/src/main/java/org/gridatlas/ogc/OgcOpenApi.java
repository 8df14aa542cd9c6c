package org.gridatlas.ogc;

import java.util.List;
import org.gridatlas.security.Scope;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.0 definition of the OGC API (the service-desc link): every path, every parameter the server accepts
 * (collectionId as an enum of the user's collections), the responses and their media types, and HTTP Basic.
 */
@Component
class OgcOpenApi {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private final OgcCollections collections;

    OgcOpenApi(OgcCollections collections) {
        this.collections = collections;
    }

    String document(Scope scope, String base) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("openapi", "3.0.3");
        doc.putObject("info")
                .put("title", "GridAtlas OGC API – Features")
                .put("version", "1.0.0")
                .put("description", "Streets, communities, grids, buildings and incidents of urban grid governance");
        doc.putArray("servers").addObject().put("url", base);
        doc.putArray("security").addObject().putArray("basicAuth");
        ObjectNode components = doc.putObject("components");
        components
                .putObject("securitySchemes")
                .putObject("basicAuth")
                .put("type", "http")
                .put("scheme", "basic");
        parameters(components.putObject("parameters"), scope);
        ObjectNode paths = doc.putObject("paths");
        path(paths, "/ogc", "getLandingPage", "Landing page", List.of("f"), "application/json");
        path(paths, "/ogc/api", "getApiDefinition", "This API definition", List.of("f"), OgcService.OPENAPI);
        path(paths, "/ogc/conformance", "getConformance", "Conformance classes", List.of("f"), "application/json");
        path(paths, "/ogc/collections", "getCollections", "The collections", List.of("f"), "application/json");
        path(
                paths,
                "/ogc/collections/{collectionId}",
                "describeCollection",
                "One collection",
                List.of("collectionId", "f"),
                "application/json");
        path(
                paths,
                "/ogc/collections/{collectionId}/items",
                "getFeatures",
                "The features of a collection",
                List.of("collectionId", "bbox", "datetime", "limit", "offset", "fItems"),
                OgcService.GEOJSON);
        path(
                paths,
                "/ogc/collections/{collectionId}/items/{featureId}",
                "getFeature",
                "One feature",
                List.of("collectionId", "featureId", "f"),
                OgcService.GEOJSON);
        return MAPPER.writeValueAsString(doc);
    }

    private void parameters(ObjectNode p, Scope scope) {
        ObjectNode idSchema = (ObjectNode) param(p, "collectionId", "path", true, "string", "The id of a collection")
                .get("schema");
        ArrayNode ids = idSchema.putArray("enum");
        collections.all(scope).forEach(c -> ids.add(c.id()));
        param(p, "featureId", "path", true, "string", "The id of a feature (its code, or external id for incidents)");
        ObjectNode bbox = param(
                p,
                "bbox",
                "query",
                false,
                "array",
                "minLon,minLat,maxLon,maxLat in CRS84: only features whose bounding box meets it");
        bbox.put("style", "form").put("explode", false);
        ObjectNode items = (ObjectNode) bbox.get("schema");
        items.put("minItems", 4).put("maxItems", 4).putObject("items").put("type", "number");
        param(
                p,
                "datetime",
                "query",
                false,
                "string",
                "RFC 3339 instant or interval (a/b, ../b, a/..); filters incidents by reported time");
        ObjectNode limit = (ObjectNode) param(p, "limit", "query", false, "integer", "Features per page")
                .get("schema");
        limit.put("minimum", 1).put("maximum", 10000).put("default", 10);
        ObjectNode offset = (ObjectNode) param(p, "offset", "query", false, "integer", "Features to skip")
                .get("schema");
        offset.put("minimum", 0).put("default", 0);
        enumParam(p, "f", List.of("json", "html"));
        enumParam(p, "fItems", List.of("json", "geojson", "html", "csv", "gpkg"));
    }

    private static ObjectNode param(ObjectNode p, String name, String in, boolean required, String type, String d) {
        return param(p, name, name, in, required, type, d);
    }

    /** A parameter stored under {@code key} in components (two variants of f share the name "f"). */
    private static ObjectNode param(
            ObjectNode p, String key, String name, String in, boolean required, String type, String d) {
        ObjectNode n = p.putObject(key);
        n.put("name", name).put("in", in).put("required", required).put("description", d);
        n.putObject("schema").put("type", type);
        return n;
    }

    private static void enumParam(ObjectNode p, String key, List<String> values) {
        ObjectNode n = param(p, key, "f", "query", false, "string", "The encoding of the answer");
        ArrayNode e = ((ObjectNode) n.get("schema")).putArray("enum");
        values.forEach(e::add);
    }

    private static void path(
            ObjectNode paths, String path, String operationId, String summary, List<String> params, String type) {
        ObjectNode get = paths.putObject(path).putObject("get");
        get.put("operationId", operationId).put("summary", summary);
        ArrayNode ps = get.putArray("parameters");
        params.forEach(name -> ps.addObject().put("$ref", "#/components/parameters/" + name));
        ObjectNode responses = get.putObject("responses");
        ObjectNode ok = responses.putObject("200").put("description", summary);
        ObjectNode content = ok.putObject("content");
        content.putObject(type).putObject("schema").put("type", "object");
        content.putObject("text/html").putObject("schema").put("type", "string");
        responses.putObject("400").put("description", "A parameter is unknown or invalid (problem+json naming it)");
        responses.putObject("401").put("description", "Credentials needed (HTTP Basic)");
        if (path.contains("{")) responses.putObject("404").put("description", "No such collection or feature");
    }
}
