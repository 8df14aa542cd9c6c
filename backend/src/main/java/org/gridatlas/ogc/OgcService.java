package org.gridatlas.ogc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridatlas.api.LayerRequest;
import org.gridatlas.api.NotFoundException;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resources of OGC API – Features as JSON: landing page, conformance, collections, items and single items, with
 * the links, numberMatched/numberReturned and timeStamp the standard requires. Features come from the capabilities'
 * services; this class only adds what the standard asks for around them.
 */
@Service
class OgcService {
    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";
    static final String HTML = "text/html";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern MATCHED = Pattern.compile("\"numberMatched\"\\s*:\\s*(\\d+)");
    private static final Pattern RETURNED = Pattern.compile("\"numberReturned\"\\s*:\\s*(\\d+)");

    private final OgcCollections collections;
    private final JdbcClient jdbc;

    OgcService(OgcCollections collections, JdbcClient jdbc) {
        this.collections = collections;
        this.jdbc = jdbc;
    }

    Map<String, Object> landing(String base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "GridAtlas 网格图谱");
        m.put("description", "Streets, communities, grids, buildings and incidents of urban grid governance");
        m.put(
                "links",
                List.of(
                        new Link(base + "/ogc?f=json", "self", JSON, "This document"),
                        new Link(base + "/ogc?f=html", "alternate", HTML, "This document as HTML"),
                        new Link(base + "/ogc/api", "service-desc", OPENAPI, "The API definition (OpenAPI 3.0)"),
                        new Link(base + "/ogc/api?f=html", "service-doc", HTML, "The API documentation"),
                        new Link(base + "/ogc/conformance", "conformance", JSON, "Conformance classes"),
                        new Link(base + "/ogc/collections", "data", JSON, "The collections")));
        return m;
    }

    Map<String, Object> conformance(String base) {
        return Map.of(
                "conformsTo",
                CONFORMANCE,
                "links",
                List.of(
                        new Link(base + "/ogc/conformance?f=json", "self", JSON, "This document"),
                        new Link(base + "/ogc/conformance?f=html", "alternate", HTML, "This document as HTML")));
    }

    Map<String, Object> collections(Scope scope, String base) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (OgcCollection c : collections.all(scope)) list.add(describe(scope, base, c));
        return Map.of(
                "links",
                List.of(
                        new Link(base + "/ogc/collections?f=json", "self", JSON, "This document"),
                        new Link(base + "/ogc/collections?f=html", "alternate", HTML, "This document as HTML")),
                "collections",
                list);
    }

    Map<String, Object> collection(Scope scope, String base, String id) {
        return describe(scope, base, require(scope, id));
    }

    OgcCollection require(Scope scope, String id) {
        return collections
                .find(scope, id)
                .orElseThrow(() -> new NotFoundException("collectionId", "no collection '" + id + "'"));
    }

    private Map<String, Object> describe(Scope scope, String base, OgcCollection c) {
        String self = base + "/ogc/collections/" + c.id();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("description", c.description());
        m.put("itemType", "feature");
        m.put("crs", List.of(CRS84));
        m.put("extent", extent(scope, c.temporal()));
        m.put(
                "links",
                List.of(
                        new Link(self + "?f=json", "self", JSON, "This collection"),
                        new Link(self + "?f=html", "alternate", HTML, "This collection as HTML"),
                        new Link(self + "/items?f=json", "items", GEOJSON, "The features as GeoJSON"),
                        new Link(self + "/items?f=html", "items", HTML, "The features as HTML"),
                        new Link(self + "/items?f=csv", "items", "text/csv", "The features as CSV with WKT"),
                        new Link(
                                self + "/items?f=gpkg",
                                "items",
                                "application/geopackage+sqlite3",
                                "The features as GeoPackage")));
        return m;
    }

    /** The spatial extent of the scope's streets (or community), and for incidents the reported-time interval. */
    private Map<String, Object> extent(Scope scope, boolean temporal) {
        double[] box = ScopeSql.bind(
                        jdbc.sql(
                                """
                                SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (
                                  SELECT ST_Extent(geom) AS e FROM community
                                  WHERE (%s OR street_code = :scope_street) AND (%s OR code = :scope_community)) x"""
                                        .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY)),
                        scope)
                .query((rs, i) -> rs.getObject(1) == null
                        ? new double[] {-180, -90, 180, 90}
                        : new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
                .single();
        Map<String, Object> extent = new LinkedHashMap<>();
        extent.put("spatial", Map.of("bbox", List.of(box), "crs", CRS84));
        if (temporal) {
            List<String> interval = ScopeSql.bind(
                            jdbc.sql(
                                    """
                                    SELECT min(reported_at), max(reported_at) FROM incident
                                    WHERE (%s OR street_code = :scope_street) AND (%s OR community_code = :scope_community)"""
                                            .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY)),
                            scope)
                    .query((rs, i) -> java.util.Arrays.asList(
                            text(rs.getObject(1, OffsetDateTime.class)), text(rs.getObject(2, OffsetDateTime.class))))
                    .single();
            extent.put(
                    "temporal",
                    Map.of(
                            "interval",
                            List.of(interval),
                            "trs",
                            "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
        }
        return extent;
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
    }

    /**
     * The items of a collection as a GeoJSON FeatureCollection with links (self, alternate, next/prev when there is
     * more), timeStamp, numberMatched and numberReturned.
     *
     * @param query the request's query string without f, limit and offset (kept in the paging links)
     */
    String items(Scope scope, String base, OgcCollection c, LayerRequest request, String query) {
        String features = c.source().features(scope, request);
        int matched = number(MATCHED, features);
        int returned = number(RETURNED, features);
        String items = base + "/ogc/collections/" + c.id() + "/items?" + (query.isEmpty() ? "" : query + "&");
        int limit = request.page().limit();
        int offset = request.page().offset();
        List<Link> links = new ArrayList<>();
        links.add(new Link(items + "f=json&limit=" + limit + "&offset=" + offset, "self", GEOJSON, "This page"));
        links.add(new Link(
                items + "f=html&limit=" + limit + "&offset=" + offset, "alternate", HTML, "This page as HTML"));
        if (offset + returned < matched) {
            links.add(new Link(
                    items + "f=json&limit=" + limit + "&offset=" + (offset + limit), "next", GEOJSON, "Next page"));
        }
        if (offset > 0) {
            links.add(new Link(
                    items + "f=json&limit=" + limit + "&offset=" + Math.max(0, offset - limit),
                    "prev",
                    GEOJSON,
                    "Previous page"));
        }
        links.add(new Link(base + "/ogc/collections/" + c.id(), "collection", JSON, "The collection"));
        String head = "{\"type\":\"FeatureCollection\",\"timeStamp\":\"" + text(OffsetDateTime.now()) + "\",\"links\":"
                + MAPPER.writeValueAsString(links);
        // the service's collection starts with {"type" : "FeatureCollection", ...: keep everything after that member
        return head + features.substring(features.indexOf(','));
    }

    /** One feature with its links; 404 naming featureId when it is not in the collection (or not in the scope). */
    String item(Scope scope, String base, OgcCollection c, String featureId, LayerRequest request) {
        JsonNode fc = MAPPER.readTree(c.source().features(scope, request.withFeatureId(featureId)));
        if (fc.get("features").isEmpty()) {
            throw new NotFoundException("featureId", "no feature '" + featureId + "' in collection " + c.id());
        }
        ObjectNode feature = (ObjectNode) fc.get("features").get(0);
        String self = base + "/ogc/collections/" + c.id() + "/items/" + featureId;
        feature.set(
                "links",
                MAPPER.valueToTree(List.of(
                        new Link(self + "?f=json", "self", GEOJSON, "This feature"),
                        new Link(self + "?f=html", "alternate", HTML, "This feature as HTML"),
                        new Link(base + "/ogc/collections/" + c.id(), "collection", JSON, "The collection"))));
        return MAPPER.writeValueAsString(feature);
    }

    private static int number(Pattern p, String json) {
        Matcher m = p.matcher(json.length() > 300 ? json.substring(0, 300) : json);
        if (!m.find()) throw new IllegalStateException("feature collection without " + p);
        return Integer.parseInt(m.group(1));
    }
}
