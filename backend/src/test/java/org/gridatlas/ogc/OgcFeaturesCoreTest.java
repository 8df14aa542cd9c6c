package org.gridatlas.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The requirements of OGC API – Features Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) that GridAtlas claims, one test
 * per requirement group, named after the requirement class /req/core/... Expected counts come from SQL written here,
 * independently of the services.
 */
class OgcFeaturesCoreTest extends PostgisIntegrationTest {
    private static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";

    private static JsonNode link(JsonNode links, String rel, String typePrefix) {
        for (JsonNode l : links) {
            if (l.get("rel").asString().equals(rel) && l.get("type").asString().startsWith(typePrefix)) return l;
        }
        return null;
    }

    private static String path(JsonNode link) {
        return link.get("href").asString().replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void rootSuccess_landingPageLinksToApiConformanceAndData() {
        Api.Answer a = as("supervisor").get("/ogc");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        JsonNode links = a.json().get("links");
        assertThat(link(links, "self", "application/json")).isNotNull();
        assertThat(link(links, "service-desc", "application/vnd.oai.openapi+json"))
                .isNotNull();
        assertThat(link(links, "conformance", "application/json")).isNotNull();
        assertThat(link(links, "data", "application/json")).isNotNull();
        for (JsonNode l : links) {
            assertThat(l.has("rel") && l.has("type") && l.has("href"))
                    .as(l.toString())
                    .isTrue();
        }
    }

    @Test
    void conformanceSuccess_listsTheClassesClaimed() {
        JsonNode c = as("supervisor").get("/ogc/conformance").json().get("conformsTo");
        List<String> classes = new ArrayList<>();
        c.forEach(x -> classes.add(x.asString()));
        assertThat(classes)
                .contains(
                        CORE,
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    }

    @Test
    void oas30_serviceDescIsAnOpenApi30DocumentWithEveryPath() {
        Api.Answer a = as("supervisor").get("/ogc/api");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/vnd.oai.openapi+json");
        JsonNode doc = a.json();
        assertThat(doc.get("openapi").asString()).startsWith("3.0");
        assertThat(doc.get("paths").has("/ogc/collections/{collectionId}/items/{featureId}"))
                .isTrue();
        JsonNode ids = doc.get("components")
                .get("parameters")
                .get("collectionId")
                .get("schema")
                .get("enum");
        Set<String> enumIds = new HashSet<>();
        ids.forEach(i -> enumIds.add(i.asString()));
        assertThat(enumIds).contains("streets", "communities", "grids", "buildings", "incidents");
    }

    @Test
    void collectionsSuccess_everyCollectionHasItemsLinksAndAnExtent() {
        JsonNode collections = as("supervisor").get("/ogc/collections").json().get("collections");
        Set<String> ids = new HashSet<>();
        for (JsonNode c : collections) {
            ids.add(c.get("id").asString());
            assertThat(link(c.get("links"), "items", "application/geo+json"))
                    .as(c.get("id").asString())
                    .isNotNull();
            JsonNode bbox = c.get("extent").get("spatial").get("bbox").get(0);
            assertThat(bbox.get(0).asDouble()).isBetween(121.0, 122.0);
        }
        assertThat(ids).contains("streets", "communities", "grids", "buildings", "incidents");
        assertThat(ids).doesNotContain("workers"); // personal data never leaves through OGC
        JsonNode incidents = as("supervisor").get("/ogc/collections/incidents").json();
        assertThat(incidents
                        .get("extent")
                        .get("temporal")
                        .get("interval")
                        .get(0)
                        .get(0)
                        .asString())
                .startsWith("2025-");
    }

    @Test
    void fcResponse_pagingLinksWalkTheWholeCollectionExactlyOnce() {
        int expected = count("SELECT count(*) FROM grid g JOIN boundary_plan p ON p.id = g.plan_id "
                + "WHERE p.status = 'published' AND p.street_code = '330212008'");
        Api api = as("supervisor");
        String next = "/ogc/collections/grids/items?limit=25";
        List<String> seen = new ArrayList<>();
        String previous = null;
        while (next != null) {
            Api.Answer a = api.get(next);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.contentType()).startsWith("application/geo+json");
            JsonNode fc = a.json();
            assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
            assertThat(fc.get("numberMatched").asInt()).isEqualTo(expected);
            assertThat(fc.get("numberReturned").asInt())
                    .isEqualTo(fc.get("features").size());
            assertThat(fc.get("timeStamp").asString()).endsWith("Z");
            assertThat(link(fc.get("links"), "self", "application/geo+json")).isNotNull();
            assertThat(link(fc.get("links"), "alternate", "text/html")).isNotNull();
            if (previous != null)
                assertThat(link(fc.get("links"), "prev", "application/geo+json"))
                        .isNotNull();
            fc.get("features").forEach(f -> seen.add(f.get("id").asString()));
            JsonNode n = link(fc.get("links"), "next", "application/geo+json");
            previous = next;
            next = n == null ? null : path(n);
        }
        assertThat(seen).hasSize(expected).doesNotHaveDuplicates();
    }

    @Test
    void fcBbox_onlyFeaturesMeetingTheBoxAndPagingKeepsTheFilter() {
        String box = "121.552,29.814,121.558,29.818";
        int expected = count("SELECT count(*) FROM building WHERE footprint && "
                + "ST_MakeEnvelope(121.552, 29.814, 121.558, 29.818, 4326)");
        JsonNode fc = as("supervisor")
                .get("/ogc/collections/buildings/items?limit=5&bbox=" + box)
                .json();
        assertThat(fc.get("numberMatched").asInt()).isEqualTo(expected);
        assertThat(path(link(fc.get("links"), "next", "application/geo+json"))).contains("bbox=121.552%2C29.814");
    }

    @Test
    void fcTime_datetimeIntervalsFilterIncidentsByReportedTime() {
        int march = count("SELECT count(*) FROM incident WHERE location IS NOT NULL AND street_code = '330212008' "
                + "AND reported_at >= '2026-03-01T00:00:00+08:00' AND reported_at <= '2026-03-31T23:59:59+08:00'");
        JsonNode fc = as("supervisor")
                .get(
                        "/ogc/collections/incidents/items?limit=1&datetime=2026-03-01T00:00:00%2B08:00/2026-03-31T23:59:59%2B08:00")
                .json();
        assertThat(march).isPositive();
        assertThat(fc.get("numberMatched").asInt()).isEqualTo(march);
        int after = count("SELECT count(*) FROM incident WHERE location IS NOT NULL AND street_code = '330212008' "
                + "AND reported_at >= '2026-11-01T00:00:00Z'");
        assertThat(as("supervisor")
                        .get("/ogc/collections/incidents/items?limit=1&datetime=2026-11-01T00:00:00Z/..")
                        .json()
                        .get("numberMatched")
                        .asInt())
                .isEqualTo(after);
    }

    @Test
    void queryParamInvalidOrUnknown_is400NamingTheParameter() {
        Api api = as("supervisor");
        String[][] cases = {
            {"/ogc/collections/grids/items?bbox=1,2,3", "bbox"},
            {"/ogc/collections/grids/items?limit=0", "limit"},
            {"/ogc/collections/grids/items?limit=20000", "limit"},
            {"/ogc/collections/grids/items?limit=ten", "limit"},
            {"/ogc/collections/grids/items?datetime=yesterday", "datetime"},
            {"/ogc/collections/grids/items?datetime=2026-05-01T00:00:00Z/2026-04-01T00:00:00Z", "datetime"},
            {"/ogc/collections/grids/items?colour=red", "colour"},
            {"/ogc/collections?f=xml", "f"},
        };
        for (String[] c : cases) {
            Api.Answer a = api.get(c[0]);
            assertThat(a.status()).as(c[0]).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.json().get("parameter").asString()).isEqualTo(c[1]);
        }
    }

    @Test
    void unknownCollectionOrFeature_is404() {
        assertThat(as("supervisor").get("/ogc/collections/households").status()).isEqualTo(404);
        assertThat(as("supervisor").get("/ogc/collections/households/items").status())
                .isEqualTo(404);
        assertThat(as("supervisor")
                        .get("/ogc/collections/grids/items/000000000000000")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void featureSuccess_oneFeatureWithSelfAndCollectionLinks() {
        String code = jdbc.sql("SELECT min(code) FROM grid").query(String.class).single();
        Api.Answer a = as("supervisor").get("/ogc/collections/grids/items/" + code);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/geo+json");
        JsonNode f = a.json();
        assertThat(f.get("type").asString()).isEqualTo("Feature");
        assertThat(f.get("id").asString()).isEqualTo(code);
        assertThat(link(f.get("links"), "self", "application/geo+json")).isNotNull();
        assertThat(link(f.get("links"), "collection", "application/json")).isNotNull();
    }

    @Test
    void html_everyResourceHasAnHtmlEncoding() {
        Api api = as("supervisor");
        for (String p : new String[] {
            "/ogc?f=html",
            "/ogc/conformance?f=html",
            "/ogc/collections?f=html",
            "/ogc/collections/grids?f=html",
            "/ogc/collections/grids/items?f=html",
            "/ogc/api?f=html"
        }) {
            Api.Answer a = api.get(p);
            assertThat(a.status()).as(p).isEqualTo(200);
            assertThat(a.contentType()).as(p).startsWith("text/html");
            assertThat(a.body()).contains("<html");
        }
    }

    @Test
    void scopeAndPersonalData_aGridChiefSeesItsCommunityAndNoIncidentHasPersonalFields() {
        JsonNode grids = as("chief-330212008001")
                .get("/ogc/collections/grids/items?limit=1000")
                .json();
        grids.get("features").forEach(f -> assertThat(
                        f.get("properties").get("community_code").asString())
                .isEqualTo("330212008001"));
        assertThat(grids.get("numberMatched").asInt())
                .isEqualTo(count("SELECT count(*) FROM grid g JOIN boundary_plan p ON p.id = g.plan_id "
                        + "WHERE p.status = 'published' AND g.community_code = '330212008001'"));
        JsonNode incident = as("supervisor")
                .get("/ogc/collections/incidents/items?limit=1")
                .json()
                .get("features")
                .get(0)
                .get("properties");
        assertThat(incident.has("reporter_name")).isFalse();
        assertThat(incident.has("reporter_phone")).isFalse();
        assertThat(incident.has("description")).isFalse();
        assertThat(incident.has("address")).isFalse();
        assertThat(anonymous().get("/ogc/collections").status()).isEqualTo(401);
    }
}
