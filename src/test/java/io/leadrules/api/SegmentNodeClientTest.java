package io.leadrules.api;

import io.leadrules.support.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * The official Segment Node client ({@code @segment/analytics-node}, pinned in {@code src/test/js}) sends to the
 * service with its {@code host} option; the profile and score are then checked through the API. Installs the
 * client with {@code npm ci} on first run, so a fresh machine needs only node and npm.
 */
@QuarkusTest
@Tag("db")
class SegmentNodeClientTest {

    private static final Path CLIENT_DIR = Path.of("src", "test", "js");

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void installClient() throws Exception {
        if (!Files.isDirectory(CLIENT_DIR.resolve("node_modules/@segment/analytics-node"))) {
            Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
            assertThat(npm.exit).as("npm ci in %s failed:%n%s", CLIENT_DIR, npm.output).isZero();
        }
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
