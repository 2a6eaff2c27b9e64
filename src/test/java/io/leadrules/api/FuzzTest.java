package io.leadrules.api;

import io.leadrules.support.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzzing of every endpoint the resource classes declare: valid fixture bodies mutated (bit flips,
 * truncation, NUL prefixes, huge numbers, wrong JSON types, bad UTF-8, deep nesting), with wrong, empty or
 * malformed headers and odd query strings. No answer may be a 5xx. The seed is printed; rerun a failure with
 * {@code -Dfuzz.seed=<seed>} (and {@code -Dfuzz.requests=<n>} for more or fewer requests).
 * <p>
 * Its own database and data folder: fuzzed calls erase leads, store outcomes and activate versions.
 */
@QuarkusTest
@TestProfile(FuzzTest.OwnStore.class)
class FuzzTest {

    public static class OwnStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:fuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "leadrules.data.dir", "target/fuzz-data");
        }
    }

    private static final long DEFAULT_SEED = 20261208L;
    private static final int SHOWN_FAILURES = 5;
    /** A light endpoint is drawn this many times as often as a heavy one. */
    private static final int LIGHT_WEIGHT = 4;

    @TestHTTPResource("/")
    URL root;

    @Test
    void noMutatedRequestToAnyEndpointAnswers5xx() throws IOException {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("fuzz.requests", 3000);
        System.out.println("FuzzTest: seed " + seed + ", " + count + " requests (-Dfuzz.seed=" + seed
                + " -Dfuzz.requests=" + count + " to repeat)");
        List<FuzzEndpoints.Endpoint> found = FuzzEndpoints.discover();
        assertThat(found).as("endpoints found by reflection").hasSizeGreaterThan(20);
        List<FuzzEndpoints.Endpoint> endpoints = FuzzEndpoints.weighted(found, LIGHT_WEIGHT);
        String version = given().get("/rules/status").jsonPath().getString("version");
        FuzzRequests requests = new FuzzRequests(new Random(seed), version);
        Random draw = new Random(seed + 1);

        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Long> millis = new TreeMap<>();
        for (int i = 1; i <= count; i++) {
            FuzzEndpoints.Endpoint endpoint = endpoints.get(draw.nextInt(endpoints.size()));
            FuzzRequests.FuzzRequest request = requests.next(endpoint);
            String outcome;
            long start = System.nanoTime();
            try {
                RawHttp.Response answer = RawHttp.send(root, request.method(), request.target(), request.headers(),
                        request.body());
                statuses.merge(endpoint + " " + answer.status(), 1, Integer::sum);
                outcome = answer.status() >= 500 ? answer.status() + " " + abbreviate(answer.text()) : null;
            } catch (IOException e) {
                outcome = "no answer: " + e;
            }
            millis.merge(endpoint.toString(), (System.nanoTime() - start) / 1_000_000, Long::sum);
            if (outcome != null) {
                failures.add("#" + i + " (" + endpoint + ") " + request.describe() + "\n  -> " + outcome);
            }
        }
        System.out.println("FuzzTest answers by endpoint and status: " + statuses);
        System.out.println("FuzzTest milliseconds by endpoint: " + millis);
        assertThat(failures).as(failures.size() + " of " + count + " requests (seed " + seed + ") answered 5xx or"
                + " nothing; the first " + Math.min(SHOWN_FAILURES, failures.size()) + ":\n"
                + String.join("\n", failures.subList(0, Math.min(SHOWN_FAILURES, failures.size())))).isEmpty();
    }

    private static String abbreviate(String text) {
        String oneLine = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replace('\n', ' ');
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
