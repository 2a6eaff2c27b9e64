package io.leadrules.security;

import io.leadrules.support.Api;
import io.leadrules.support.ServedEndpoints;
import io.leadrules.support.ServedEndpoints.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.leadrules.support.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default, proven: every endpoint the application serves is found by reflection over its compiled classes
 * (so one added later is checked without anyone listing it), called without a key (401 problem+json) and with each
 * role's key (403 unless the role may call it).
 */
@QuarkusTest
class DenyByDefaultTest {

    /** Endpoints deliberately open to anyone: signing out needs no role. */
    private static final Set<String> OPEN = Set.of("POST /logout");
    /** Each dev key and the roles it holds (a role includes those below it). */
    private static final Map<String, Set<String>> KEYS = Map.of(
            Api.ADMIN_KEY, Set.copyOf(Roles.ALL),
            Api.ANALYST_KEY, Set.of(Roles.ANALYST, Roles.READ),
            Api.READ_KEY, Set.of(Roles.READ),
            Api.SCORE_KEY, Set.of(Roles.SCORE),
            Api.WRITE_KEY, Set.of(Roles.INGEST));

    private static List<Endpoint> endpoints;

    @BeforeAll
    static void findEndpoints() {
        endpoints = ServedEndpoints.all();
    }

    /** A request the endpoint would take, so its answer is about the key, not a 415 for the body's type. */
    private static Response call(RequestSpecification request, Endpoint e) {
        RequestSpecification r = request.redirects().follow(false).accept("application/json, */*;q=0.1");
        if (!e.verb().equals("GET") && !e.verb().equals("HEAD")) {
            String type = e.consumes();
            r = type.startsWith("multipart/") ? r.multiPart("files", "x.drl", new byte[0], "application/octet-stream")
                    : type.equals("application/x-www-form-urlencoded") ? r.contentType(type).body("a=b")
                    : r.contentType(type.contains("*") ? "application/json" : type)
                    .body("{}".getBytes(StandardCharsets.UTF_8));
        }
        return r.request(e.verb(), e.concretePath());
    }

    @Test
    void theApplicationServesEndpointsToCheck() {
        assertThat(endpoints).extracting(Endpoint::name)
                .contains("POST /score", "GET /leads/{id}", "POST /rules/reload", "POST /v1/batch");
    }

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        assertThat(endpoints).allSatisfy(e -> assertThat(e.roles() != null || OPEN.contains(e.name()))
                .as("%s (%s.%s) declares @RolesAllowed", e.name(), e.type().getSimpleName(), e.method().getName())
                .isTrue());
        assertThat(endpoints).filteredOn(Endpoint::permitAll).extracting(Endpoint::name)
                .allMatch(OPEN::contains);
    }

    @Test
    void noEndpointAnswersWithoutAKey() {
        for (Endpoint e : endpoints) {
            if (OPEN.contains(e.name())) {
                continue;
            }
            Response answer = call(anonymous(), e);
            assertThat(answer.statusCode()).as("%s without a key", e.name()).isEqualTo(401);
            assertThat(answer.contentType()).as("%s without a key", e.name()).startsWith("application/problem+json");
            Response wrong = call(Api.as("not-a-key-of-ours"), e);
            assertThat(wrong.statusCode()).as("%s with an unknown key", e.name()).isEqualTo(401);
        }
    }

    @Test
    void eachKeyReachesOnlyWhatItsRolesAllow() {
        for (Endpoint e : endpoints) {
            if (OPEN.contains(e.name())) {
                continue;
            }
            for (Map.Entry<String, Set<String>> key : KEYS.entrySet()) {
                boolean allowed = Arrays.stream(e.roles()).anyMatch(key.getValue()::contains);
                Response answer = call(Api.as(key.getKey()), e);
                if (allowed) {
                    assertThat(answer.statusCode()).as("%s with %s", e.name(), key.getKey()).isNotIn(401, 403);
                } else {
                    assertThat(answer.statusCode()).as("%s with %s", e.name(), key.getKey()).isEqualTo(403);
                    assertThat(answer.contentType()).as("%s with %s", e.name(), key.getKey())
                            .startsWith("application/problem+json");
                }
            }
        }
    }

    @Test
    void onlyLivenessReadinessAndTheSignInPageAreOpenOutsideTheApi() {
        anonymous().get("/q/health/live").then().statusCode(200);
        anonymous().get("/q/health/ready").then().statusCode(200);
        anonymous().get("/login.html").then().statusCode(200);
        anonymous().get("/report/report.css").then().statusCode(200);
        anonymous().get("/q/health").then().statusCode(401);
        anonymous().get("/q/metrics").then().statusCode(401);
        anonymous().get("/no/such/path").then().statusCode(401);
    }

    @Test
    void metricsNeedTheReadRole() {
        Api.as(Api.READ_KEY).get("/q/metrics").then().statusCode(200);
        Api.as(Api.SCORE_KEY).get("/q/metrics").then().statusCode(403);
    }

    @Test
    void metricsLabelRoutesByTemplateNeverByLeadId() {
        String lead = "someone-" + java.util.UUID.randomUUID() + "@example.com";
        anonymous().get("/leads/{id}", lead).then().statusCode(401);
        Api.as(Api.READ_KEY).get("/leads/{id}", lead).then().statusCode(404);
        Api.as(Api.READ_KEY).get("/leads/{id}/history", lead).then().statusCode(404);
        String metrics = Api.as(Api.READ_KEY).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain(lead).doesNotContain(lead.substring(0, 20));
    }

    @Test
    void segmentClientsSendTheWriteKeyAsBasicUserName() {
        anonymous().auth().preemptive().basic(Api.WRITE_KEY, "").contentType("application/json").body("{}")
                .post("/v1/track").then().statusCode(400);
        anonymous().auth().preemptive().basic("not-a-write-key", "").contentType("application/json").body("{}")
                .post("/v1/track").then().statusCode(401).header("WWW-Authenticate", "Basic realm=\"leadrules ingest\"");
        anonymous().auth().preemptive().basic(Api.READ_KEY, "").contentType("application/json").body("{}")
                .post("/v1/track").then().statusCode(403);
    }
}
