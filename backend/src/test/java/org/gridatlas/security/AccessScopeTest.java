package org.gridatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every endpoint applies the user's scope; unauthenticated requests are refused. */
class AccessScopeTest extends PostgisIntegrationTest {
    private static final String COMMUNITY = "330212008001";
    private static final String CHIEF = "chief-" + COMMUNITY;

    @Test
    void unauthenticatedRequestsAreRefused() {
        for (String path : new String[] {"/api/streets", "/api/grids", "/api/buildings", "/api/workers", "/api/me"}) {
            Api.Answer answer = anonymous().get(path);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(new Api(baseUrl(), "supervisor", "wrong").get("/api/grids").status())
                .isEqualTo(401);
    }

    private static Set<String> communityOf(JsonNode fc, String property) {
        Set<String> seen = new HashSet<>();
        fc.get("features")
                .forEach(f -> seen.add(f.get("properties").get(property).asString()));
        return seen;
    }

    @Test
    void gridChiefSeesOnlyItsCommunity() {
        Api chief = as(CHIEF);
        JsonNode grids = chief.get("/api/grids?limit=1000").json();
        assertThat(communityOf(grids, "community_code")).containsExactly(COMMUNITY);
        assertThat(grids.get("features"))
                .hasSize(count("SELECT count(*) FROM grid g JOIN boundary_plan p ON p.id = g.plan_id "
                        + "WHERE p.status = 'published' AND g.community_code = '" + COMMUNITY + "'"));

        JsonNode buildings = chief.get("/api/buildings?limit=10000").json();
        assertThat(communityOf(buildings, "community_code")).containsExactly(COMMUNITY);
        assertThat(buildings.get("numberMatched").asInt())
                .isEqualTo(count("SELECT count(*) FROM building WHERE community_code = '" + COMMUNITY + "'"));

        JsonNode communities = chief.get("/api/communities").json();
        assertThat(communityOf(communities, "code")).containsExactly(COMMUNITY);

        JsonNode workers = chief.get("/api/workers?limit=5000").json();
        Set<String> workerCommunities = new HashSet<>();
        workers.get("workers")
                .forEach(w -> workerCommunities.add(w.get("communityCode").asString()));
        assertThat(workerCommunities).containsExactly(COMMUNITY);

        JsonNode me = chief.get("/api/me").json();
        assertThat(me.get("role").asString()).isEqualTo("grid_chief");
        assertThat(me.get("communityCode").asString()).isEqualTo(COMMUNITY);
    }

    @Test
    void gridChiefCannotReachAnotherCommunityByParameter() {
        JsonNode workers = as(CHIEF).get("/api/workers?community=330212008002").json();
        assertThat(workers.get("numberMatched").asInt()).isZero();
        JsonNode bbox = as(CHIEF)
                .get("/api/buildings?limit=10000&bbox=121.5,29.7,121.6,29.9")
                .json();
        assertThat(communityOf(bbox, "community_code")).containsExactly(COMMUNITY);
    }

    @Test
    void supervisorSeesTheWholeStreetButNoPhones() {
        JsonNode grids = as("supervisor").get("/api/grids?limit=1000").json();
        assertThat(grids.get("features"))
                .hasSize(count("SELECT count(*) FROM grid g JOIN boundary_plan p ON p.id = g.plan_id "
                        + "WHERE p.status = 'published' AND left(g.community_code, 9) = '330212008'"));
        JsonNode workers = as("supervisor").get("/api/workers?limit=50").json().get("workers");
        assertThat(workers).isNotEmpty();
        workers.forEach(w -> assertThat(w.get("phone").isNull()).isTrue());
        JsonNode chiefWorkers = as(CHIEF).get("/api/workers?limit=50").json().get("workers");
        assertThat(chiefWorkers.get(0).get("phone").asString()).matches("[0-9]{11}");
    }
}
