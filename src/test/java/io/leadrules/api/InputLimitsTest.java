package io.leadrules.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.leadrules.support.Segment.ADMIN;
import static io.leadrules.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Inputs over a size limit are refused with a problem naming the limit, before the work they would cause. */
@QuarkusTest
class InputLimitsTest {

    private static final Path LIMITS = Path.of("src/test/resources/limits");

    @Test
    void aMappingAllowingTwoBillionEventsPerCellIsA400NamingItsLimit() throws IOException {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("csv", "id,won,opens\na,1,2147483647\n",
                        "mapping", Files.readString(LIMITS.resolve("huge-event-limit.yaml"))))
                .post("/calibration/backtest").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-csv-mapping"))
                .body("errors[0].column", equalTo("events[0].limit"))
                .body("errors[0].message", containsString("at most 10000"));
    }

    @Test
    void aCsvWithMoreRowsThanTheLimitIsA413() {
        String csv = "id,won\n" + IntStream.rangeClosed(0, 200_000).mapToObj(i -> "l" + i + ",1")
                .collect(Collectors.joining("\n"));
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("csv", csv, "mapping", "id: id\nlabel: {column: won, won: [\"1\"]}\nasOf: 2026-06-01\n"))
                .post("/calibration/backtest").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"))
                .body("field", equalTo("csv"))
                .body("detail", containsString("leadrules.limits.csv-max-rows"));
    }

    @Test
    void aCandidateWithTooManyFilesOrBytesIsA413WhereverItIsSent() throws IOException {
        String drl = Files.readString(Path.of("src/test/resources/calibration/rules/points.drl"));
        List<Map<String, String>> manyFiles = IntStream.range(0, 101)
                .mapToObj(i -> Map.of("path", "f" + i + ".drl", "content", drl)).toList();
        List<Map<String, String>> bigFile = List.of(Map.of("path", "big.drl", "content", drl + "//" + "x".repeat(1_100_000)));
        for (String path : List.of("/rules/validate", "/rules/preview", "/calibration/backtest")) {
            String key = path.equals("/calibration/backtest") ? "rules" : "files";
            Object leads = path.equals("/calibration/backtest") ? List.of(Map.of("lead", Map.of("id", "a"), "won", true)) : null;
            given().header("Authorization", ADMIN).contentType("application/json").body(body(key, manyFiles, leads))
                    .post(path).then().statusCode(413)
                    .body("field", equalTo("files"))
                    .body("detail", containsString("101 files; the limit is 100 (config leadrules.limits.candidate-max-files)"));
            given().header("Authorization", ADMIN).contentType("application/json").body(body(key, bigFile, leads))
                    .post(path).then().statusCode(413)
                    .body("detail", containsString("the limit is 1048576 (config leadrules.limits.candidate-max-bytes)"));
        }
    }

    private static Map<String, Object> body(String key, Object files, Object leads) {
        return leads == null ? Map.of(key, files) : Map.of(key, files, "leads", leads);
    }
}
