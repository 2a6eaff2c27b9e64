package io.leadrules.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.leadrules.api.Fixtures.request;
import static io.leadrules.support.Segment.ADMIN;
import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * While as many backtests run as the service allows, a further one is turned away (429, Retry-After) and scoring
 * and ingestion still answer; the running ones stop at their deadline (503); readiness is DOWN while the (small)
 * worker pool has too few threads free, and UP again after.
 */
@QuarkusTest
@TestProfile(CapacityTest.SmallPool.class)
class CapacityTest {

    /**
     * Two heavy calls at once; readiness DOWN once two threads are busy (fewer than 7 of 8 free); backtests stop
     * after 8 s.
     */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.max-threads", "8",
                    "leadrules.limits.min-free-workers", "7",
                    "leadrules.limits.heavy-concurrency", "2",
                    "leadrules.limits.backtest-deadline", "8s");
        }
    }

    private static final Path LIMITS = Path.of("src/test/resources/limits");
    private static final int LEADS = 2_000;
    private static final int OPENS = 150;

    @Test
    void pastTheHeavyCallLimitABacktestGets429WhileScoringAndIngestionAnswer() throws Exception {
        // A candidate whose rule compares every triple of a lead's opens: tens of seconds of scoring on any machine,
        // far past the deadline, so the two backtests hold their places for the whole check.
        String slow = new ObjectMapper().writeValueAsString(Map.of(
                "rules", List.of(Map.of("path", "slow.drl", "content", Files.readString(LIMITS.resolve("slow/slow.drl")))),
                "csv", generatedCsv(), "mapping", Files.readString(LIMITS.resolve("opens.yaml"))));
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> running = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                running.add(clients.submit(() -> given().header("Authorization", ADMIN).contentType("application/json")
                        .body(slow).post("/calibration/backtest").andReturn()));
            }
            awaitHeavyCalls(2, running);

            Response readiness = given().get("/q/health/ready").andReturn();
            given().header("Authorization", ADMIN).contentType("application/json")
                    .body(CalibrationResourceTest.read("live-leads.json"))
                    .post("/calibration/backtest").then().statusCode(429)
                    .header("Retry-After", "30")
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/too-many-heavy-calls"))
                    .body("detail", containsString("leadrules.limits.heavy-concurrency"));
            given().header("Authorization", ADMIN).contentType("application/json").body(request("ideal-lead.json"))
                    .post("/score").then().statusCode(200).body("score", equalTo(124.05f));
            String lead = Fixtures.uniqueLead("busy");
            client().body(SegmentIngestTest.track(lead, "Email Opened", Instant.now(), lead + "-1"))
                    .post("/v1/track").then().statusCode(200);
            assertThat(heavyCallsRunning()).as("the slow backtests were still running during the checks").isEqualTo(2);

            assertThat(readiness.statusCode()).as(readiness.asString()).isEqualTo(503);
            JsonPath capacity = readiness.jsonPath().setRootPath("checks.find { it.name == 'capacity' }");
            assertThat(capacity.getString("status")).isEqualTo("DOWN");
            assertThat(capacity.getInt("data.heavyCallsRunning")).isEqualTo(2);
            assertThat(capacity.getInt("data.workersMax")).isEqualTo(8);

            for (Future<Response> backtest : running) {
                Response answer = backtest.get(2, TimeUnit.MINUTES);
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
                assertThat(answer.header("Retry-After")).isEqualTo("30");
                assertThat(answer.jsonPath().getString("type")).isEqualTo("/problems/deadline-exceeded");
                assertThat(answer.jsonPath().getString("detail")).startsWith("The backtest did not finish within 8 s"
                        + " (config leadrules.limits.backtest-deadline): stopped ");
            }
        } finally {
            clients.shutdownNow();
        }
        given().get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(CalibrationResourceTest.read("live-leads.json"))
                .post("/calibration/backtest").then().statusCode(200);
    }

    /** {@value #LEADS} leads with {@value #OPENS} opens each: 10 to 40 ms per lead with the slow rule. */
    private static String generatedCsv() {
        return "id,won,opens\n" + IntStream.range(0, LEADS).mapToObj(i -> "lead-" + i + "," + (i % 2) + "," + OPENS)
                .collect(Collectors.joining("\n"));
    }

    private static int heavyCallsRunning() {
        return given().get("/q/health/ready").jsonPath()
                .getInt("checks.find { it.name == 'capacity' }.data.heavyCallsRunning");
    }

    private static void awaitHeavyCalls(int count, List<Future<Response>> running) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (heavyCallsRunning() < count) {
            assertThat(running).as("a slow backtest finished before the others started").noneMatch(Future::isDone);
            assertThat(System.nanoTime()).as("the slow backtests did not start in 60 s").isLessThan(until);
            Thread.sleep(20);
        }
    }
}
