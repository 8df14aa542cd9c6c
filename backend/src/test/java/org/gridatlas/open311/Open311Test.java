package org.gridatlas.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 against the sample street. Points, addresses and grids from fixtures/incident/expected.json
 * (made by make_fixtures.py from the sample's buildings); the API key is registered here by its SHA-256.
 */
class Open311Test extends PostgisIntegrationTest {
    private static final String KEY = "open311-test-key-for-issue-6";
    private static final JsonNode EXPECTED = read();

    private static JsonNode read() {
        try {
            return JsonMapper.builder()
                    .build()
                    .readTree(Files.readString(Path.of("src/test/resources/fixtures/incident/expected.json")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeEach
    void registerKey() throws Exception {
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql(
                        """
                        INSERT INTO open311_client (key_sha256, name, street_code) VALUES (:h, 'test app', '330212008')
                        ON CONFLICT DO NOTHING""")
                .param("h", hash)
                .update();
    }

    private Api.Answer post(String... fields) {
        return anonymous().postForm("/open311/v2/requests.json", fields);
    }

    /** The form fields of a request of service 0101 at a fixture point, with the test's key, then {@code more}. */
    private static String[] atPoint(JsonNode p, String... more) {
        String[] head = {
            "api_key",
            KEY,
            "service_code",
            "0101",
            "lat",
            p.get("lat").asString(),
            "long",
            p.get("lon").asString()
        };
        String[] all = java.util.Arrays.copyOf(head, head.length + more.length);
        System.arraycopy(more, 0, all, head.length, more.length);
        return all;
    }

    private String grid(String externalId) {
        return jdbc.sql("SELECT grid_code FROM incident WHERE external_id = :e")
                .param("e", externalId)
                .query(String.class)
                .single();
    }

    @Test
    void servicesAreTheSmallClassesOfTheCatalogue() {
        Api.Answer a = anonymous().get("/open311/v2/services.json");
        assertThat(a.status()).isEqualTo(200);
        JsonNode services = a.json();
        assertThat(services.size())
                .isEqualTo(count("SELECT count(*) FROM incident_category WHERE parent_code IS NOT NULL"));
        JsonNode first = services.get(0);
        assertThat(first.get("service_code").asString()).isEqualTo("0101");
        assertThat(first.get("service_name").asString()).isEqualTo("暴露垃圾");
        assertThat(first.get("group").asString()).isEqualTo("市容环境");
    }

    @Test
    void aRequestWithAPointAndOneWithAnAddressArePlacedInTheirGridsAndReadBack() {
        JsonNode p = EXPECTED.get("points").get(2);
        Api.Answer byPoint =
                post(atPoint(p, "description", "路边垃圾", "first_name", "明", "last_name", "李", "phone", "13700000001"));
        assertThat(byPoint.status()).as(byPoint.body()).isEqualTo(201);
        String first = byPoint.json().get(0).get("service_request_id").asString();
        assertThat(first).startsWith("O311-");
        assertThat(grid(first)).isEqualTo(p.get("grid").asString());

        Api.Answer byAddress = post(
                "api_key",
                KEY,
                "service_code",
                "0101",
                "address_string",
                EXPECTED.at("/address_exact/address").asString());
        assertThat(byAddress.status()).as(byAddress.body()).isEqualTo(201);
        String second = byAddress.json().get(0).get("service_request_id").asString();
        assertThat(grid(second)).isEqualTo(EXPECTED.at("/address_exact/grid").asString());
        assertThat(jdbc.sql(
                                """
                                SELECT b.code FROM incident i JOIN building b ON b.id = i.building_id
                                WHERE i.external_id = :e AND i.geocode_quality = 'exact' AND i.source = 'open311'""")
                        .param("e", second)
                        .query(String.class)
                        .single())
                .isEqualTo(EXPECTED.at("/address_exact/building").asString());

        Api.Answer list = anonymous()
                .get("/open311/v2/requests.json?api_key=" + KEY + "&service_request_id=" + first + "," + second);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(2);
        assertThat(list.body())
                .as("no personal data")
                .doesNotContain("13700000001")
                .doesNotContain("李明");
        JsonNode one = anonymous()
                .get("/open311/v2/requests/" + first + ".json?api_key=" + KEY)
                .json()
                .get(0);
        assertThat(one.get("status").asString()).isEqualTo("open");
        assertThat(one.get("service_code").asString()).isEqualTo("0101");
        assertThat(one.get("long").asDouble())
                .isCloseTo(p.get("lon").asDouble(), org.assertj.core.data.Offset.offset(1e-7));
        assertThat(as("supervisor").get("/open311/v2/requests/" + first).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT reporter_name FROM incident WHERE external_id = :e")
                        .param("e", first)
                        .query(String.class)
                        .single())
                .isEqualTo("李明");

        // resolved through the lifecycle API: closed for Open311
        long id = jdbc.sql("SELECT id FROM incident WHERE external_id = :e")
                .param("e", first)
                .query(Long.class)
                .single();
        as("supervisor").postJson("/api/incidents/" + id + "/transitions", "{\"status\":\"accepted\"}");
        as("supervisor")
                .postJson("/api/incidents/" + id + "/transitions", "{\"status\":\"resolved\",\"level\":\"community\"}");
        JsonNode closed = anonymous()
                .get("/open311/v2/requests/" + first + ".json?api_key=" + KEY)
                .json()
                .get(0);
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("status_notes").asString()).isEqualTo("resolved");
    }

    @Test
    void badRequestsAreRefusedByName() { // GeoReport v2: 403 for a missing or invalid api_key
        assertThat(post("service_code", "0101", "lat", "29.82", "long", "121.55")
                        .status())
                .isEqualTo(403);
        assertThat(post("api_key", "wrong", "service_code", "0101", "lat", "29.82", "long", "121.55")
                        .status())
                .isEqualTo(403);
        assertParameter(post("api_key", KEY, "service_code", "9999", "lat", "29.82", "long", "121.55"), "service_code");
        assertParameter(post("api_key", KEY, "service_code", "0101"), "address_string");
        assertParameter(post("api_key", KEY, "service_code", "0101", "lat", "39.909", "long", "116.397"), "lat");
        assertParameter(post("api_key", KEY, "service_code", "0101", "lat", "abc", "long", "121.55"), "lat");
        assertParameter(post("api_key", KEY, "service_code", "0101", "lat", "29.82"), "long");
        assertThat(anonymous().get("/open311/v2/requests.json").status()).isEqualTo(403);
        assertParameter(anonymous().get("/open311/v2/requests.json?api_key=" + KEY + "&status=pending"), "status");
        Api.Answer missing = anonymous().get("/open311/v2/requests/O311-0.json?api_key=" + KEY);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM incident WHERE source = 'open311' AND description IS NULL "
                        + "AND address IS NULL"))
                .isZero();
    }

    @Test
    void anAdminIssuesAKeyThatWorks() {
        Api.Answer a = as("admin").postJson("/api/open311/keys", "{\"name\":\"市民随手拍\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        String key = a.json().get("api_key").asString();
        assertThat(a.json().get("street").asString()).isEqualTo("330212008");
        assertThat(as("supervisor")
                        .postJson("/api/open311/keys", "{\"name\":\"x\"}")
                        .status())
                .isEqualTo(403);
        JsonNode p = EXPECTED.get("points").get(0);
        Api.Answer posted = post(
                "api_key",
                key,
                "service_code",
                "0101",
                "lat",
                p.get("lat").asString(),
                "long",
                p.get("lon").asString());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    }

    @Test
    void theSameAnswersInGeoReportXml() throws Exception {
        Api.Answer services = anonymous().get("/open311/v2/services.xml");
        assertThat(services.status()).isEqualTo(200);
        assertThat(services.contentType()).startsWith("application/xml");
        Document s = xml(services);
        assertThat(s.getDocumentElement().getNodeName()).isEqualTo("services");
        assertThat(s.getElementsByTagName("service").getLength())
                .isEqualTo(count("SELECT count(*) FROM incident_category WHERE parent_code IS NOT NULL"));
        Element first = (Element) s.getElementsByTagName("service").item(0);
        assertThat(text(first, "service_code")).isEqualTo("0101");
        assertThat(text(first, "service_name")).isEqualTo("暴露垃圾");
        assertThat(text(first, "group")).isEqualTo("市容环境");
        assertThat(text(first, "metadata")).isEqualTo("false");

        JsonNode p = EXPECTED.get("points").get(1);
        Api.Answer posted = anonymous()
                .postForm(
                        "/open311/v2/requests.xml", atPoint(p, "description", "垃圾 <满溢> & 异味", "phone", "13700000002"));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.contentType()).startsWith("application/xml");
        Document created = xml(posted);
        assertThat(created.getDocumentElement().getNodeName()).isEqualTo("service_requests");
        String id = text((Element) created.getElementsByTagName("request").item(0), "service_request_id");
        assertThat(id).startsWith("O311-");
        assertThat(grid(id)).isEqualTo(p.get("grid").asString());

        for (String path : List.of(
                "/open311/v2/requests.xml?api_key=" + KEY + "&service_request_id=" + id,
                "/open311/v2/requests/" + id + ".xml?api_key=" + KEY)) {
            Api.Answer read = anonymous().get(path);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).as("no personal data").doesNotContain("13700000002");
            Document d = xml(read);
            assertThat(d.getDocumentElement().getNodeName()).isEqualTo("service_requests");
            assertThat(d.getElementsByTagName("request").getLength()).isEqualTo(1);
            Element r = (Element) d.getElementsByTagName("request").item(0);
            assertThat(text(r, "service_request_id")).isEqualTo(id);
            assertThat(text(r, "status")).isEqualTo("open");
            assertThat(text(r, "status_notes")).isEqualTo("reported");
            assertThat(text(r, "service_code")).isEqualTo("0101");
            assertThat(text(r, "description")).isEqualTo("垃圾 <满溢> & 异味"); // escaped by the writer, read back
            assertThat(text(r, "agency_responsible")).isEmpty();
            assertThat(text(r, "requested_datetime"))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");
            assertThat(Double.parseDouble(text(r, "long")))
                    .isCloseTo(p.get("lon").asDouble(), org.assertj.core.data.Offset.offset(1e-7));
            assertThat(Double.parseDouble(text(r, "lat")))
                    .isCloseTo(p.get("lat").asDouble(), org.assertj.core.data.Offset.offset(1e-7));
        }
        // refused requests keep their problem+json (and nothing is stored)
        int stored = count("SELECT count(*) FROM incident WHERE source = 'open311'");
        assertThat(anonymous()
                        .postForm("/open311/v2/requests.xml", "service_code", "0101", "lat", "29.82", "long", "121.55")
                        .status())
                .isEqualTo(403);
        assertParameter(
                anonymous().postForm("/open311/v2/requests.xml", "api_key", KEY, "service_code", "0101"),
                "address_string");
        assertParameter(
                anonymous().get("/open311/v2/requests.xml?api_key=" + KEY + "&start_date=gestern"), "start_date");
        assertThat(anonymous()
                        .get("/open311/v2/requests/O311-0.xml?api_key=" + KEY)
                        .status())
                .isEqualTo(404);
        assertThat(count("SELECT count(*) FROM incident WHERE source = 'open311'"))
                .isEqualTo(stored);
    }

    private static Document xml(Api.Answer a) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(a.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String name) {
        NodeList n = parent.getElementsByTagName(name);
        assertThat(n.getLength()).as(name).isEqualTo(1);
        return n.item(0).getTextContent();
    }

    private static void assertParameter(Api.Answer a, String parameter) {
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("parameter").asString()).isEqualTo(parameter);
    }
}
