package io.leadrules.api;

import io.leadrules.support.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The official Segment Node client ({@code @segment/analytics-node}, pinned in {@code src/test/js}) sends to the
 * service with its {@code host} option; the profile and score are then checked through the API. Installs the
 * client with {@code npm ci} on first run; skipped, with the reason, where node or npm is missing or cannot install
 * it ({@link SegmentJavaClientTest} runs Segment's Java library everywhere).
 */
@QuarkusTest
@Tag("db")
class SegmentNodeClientTest {

    private static final Path CLIENT_DIR = Path.of("src", "test", "js");

    @TestHTTPResource("/")
    URL base;

    /** Why the client cannot run here (node or npm missing, npm could not install it), or null when it can. */
    private static String unavailable;

    @BeforeAll
    static void installClient() throws Exception {
        if (!runs(List.of("node", "--version"))) {
            unavailable = "node is not installed";
        } else if (!Files.isDirectory(CLIENT_DIR.resolve("node_modules/@segment/analytics-node"))) {
            if (!runs(List.of("npm", "--version"))) {
                unavailable = "npm is not installed";
            } else {
                Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
                unavailable = npm.exit == 0 ? null : "npm ci in " + CLIENT_DIR + " failed:\n" + npm.output;
            }
        }
    }

    @BeforeEach
    void skipWithoutTheClient() {
        assumeTrue(unavailable == null, () -> "Segment Node client test skipped (SegmentJavaClientTest still runs a"
                + " real client): " + unavailable);
    }

    @Test
    void identifyAndTrackFromTheOfficialClientAreScored() throws Exception {
        String lead = Fixtures.uniqueLead("node");

        Result sent = run(List.of("node", "send-with-segment-client.js", baseUrl(), "dev-write-key", lead), 60);

        assertThat(sent.exit).as("the Segment client reported:%n%s", sent.output).isZero();
        given().get("/leads/{id}", lead).then().statusCode(200)
                .body("profile.jobTitle", equalTo("CMO"))
                .body("profile.industry", equalTo("Beauty"))
                .body("traits.email", equalTo("lee@brandco.com"))
                .body("events", hasSize(2))
                .body("events.kind", hasItem("track"))
                .body("events.eventType", hasItem("Demo Requested"))
                .body("score.hits.rule", hasItem("Demo requested"))
                .body("score.hits.rule", hasItem("Title: ideal buyer"));
    }

    @Test
    void theOfficialClientReportsAWrongWriteKey() throws Exception {
        String lead = Fixtures.uniqueLead("node-badkey");

        Result sent = run(List.of("node", "send-with-segment-client.js", baseUrl(), "wrong-key", lead), 60);

        assertThat(sent.exit).as("output:%n%s", sent.output).isEqualTo(1);
        given().get("/leads/{id}", lead).then().statusCode(404);
    }

    private String baseUrl() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private record Result(int exit, String output) {
    }

    /** Whether the command can be started and exits 0 (false when it is not installed). */
    private static boolean runs(List<String> command) throws InterruptedException {
        try {
            return run(command, 30).exit == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        File log = Files.createTempFile("segment-client", ".log").toFile();
        Process process = new ProcessBuilder(command).directory(CLIENT_DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + "s");
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        Files.deleteIfExists(log.toPath());
        return new Result(process.exitValue(), output);
    }
}
