package io.leadrules.api;

import io.leadrules.support.Api;
import io.leadrules.support.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code POST /score/batch}: leads in as JSON lines, answers out as they are scored, in input order. */
@QuarkusTest
class BatchScoreTest {

    @TestHTTPResource("/score/batch")
    URL batchUrl;

    private static String mixed() {
        return Fixtures.text("batch/mixed.jsonl", Map.of());
    }

    private static List<JsonPath> jsonLines(String body) {
        return body.lines().map(JsonPath::new).toList();
    }

    @Test
    void answersEachLineInOrderAndABadLineDoesNotStopTheBatch() {
        String body = given().contentType("application/x-ndjson").body(mixed().getBytes(StandardCharsets.UTF_8)).post("/score/batch")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<JsonPath> answers = jsonLines(body);

        assertThat(answers).hasSize(6);
        assertThat(answers.get(0).getString("leadId")).isEqualTo("b-1");
        assertThat(answers.get(0).getBoolean("mql")).isTrue();
        assertThat(answers.get(0).getList("topRules")).isNotEmpty();
        assertThat(answers.get(0).getList("hits")).isNull();
        assertThat(answers.get(1).getString("type")).isEqualTo("/problems/invalid-line");
        assertThat(answers.get(1).getInt("line")).isEqualTo(2);
        assertThat(answers.get(1).getString("field")).isEqualTo("events[0].timestamp");
        // the blank line 3 is skipped but counted: the next lead is line 4
        assertThat(answers.get(2).getString("leadId")).isEqualTo("b-3");
        assertThat(answers.get(2).getList("disqualifiedBy")).containsExactly("Competitor domain");
        assertThat(answers.get(3).getInt("line")).isEqualTo(5);
        assertThat(answers.get(3).getString("detail")).startsWith("Line 5: ");
        assertThat(answers.get(4).getInt("line")).isEqualTo(6);
        assertThat(answers.get(4).getString("field")).isEqualTo("lead.id");
        assertThat(answers.get(5).getString("leadId")).isEqualTo("b-6");
    }

    @Test
    void fullDetailKeepsEveryHit() {
        String body = given().contentType("application/x-ndjson").queryParam("detail", "full").body(mixed().getBytes(StandardCharsets.UTF_8))
                .post("/score/batch").then().statusCode(200).extract().asString();
        JsonPath first = jsonLines(body).get(0);
        JsonPath single = given().contentType("application/json").body(mixed().lines().findFirst().orElseThrow())
                .post("/score").then().statusCode(200).extract().jsonPath();

        assertThat(first.getList("hits.rule")).isEqualTo(single.getList("hits.rule"));
        assertThat(first.getString("score")).isEqualTo(single.getString("score"));
    }

    @Test
    void answersCsvWithOneRowPerLine() {
        String csv = given().contentType("application/x-ndjson").accept("text/csv").body(mixed().getBytes(StandardCharsets.UTF_8))
                .post("/score/batch").then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> rows = csv.lines().toList();

        assertThat(rows.get(0)).isEqualTo("leadId,score,fit,intent,negative,disqualify,decay,cap,mql,disqualified,"
                + "topRules,rulesetVersion,error");
        assertThat(rows).hasSize(7);
        assertThat(rows.get(1)).startsWith("b-1,").contains(",true,false,");
        assertThat(rows.get(2)).startsWith("\"\",").contains("line 2 (events[0].timestamp): ");
        assertThat(rows.get(3)).startsWith("b-3,").contains(",false,true,");
    }

    @Test
    void aBodyThatIsNoStreamIs400AndABadDetail400() {
        given().contentType("application/x-ndjson").body("[{\"lead\": {\"id\": \"a\"}}]".getBytes(StandardCharsets.UTF_8)).post("/score/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-a-stream"));
        given().contentType("application/x-ndjson").queryParam("detail", "all").body(mixed().getBytes(StandardCharsets.UTF_8)).post("/score/batch")
                .then().statusCode(400).body("field", equalTo("detail"));
        Api.as(Api.SCORE_KEY).contentType("application/x-ndjson").body(mixed().getBytes(StandardCharsets.UTF_8)).post("/score/batch")
                .then().statusCode(200);
    }

    /**
     * A long stream is answered while it is still being sent: the service holds a small window of leads, not the
     * input, so memory does not grow with the input's length. The sender stops half-way until the first answer has
     * arrived: a service that read the whole input first would never answer.
     */
    @Test
    void aLongStreamIsAnsweredWhileItIsStillBeingSent() throws IOException, InterruptedException {
        int total = 20_000;
        CountDownLatch firstAnswer = new CountDownLatch(1);
        AtomicBoolean waitedInVain = new AtomicBoolean();
        AtomicLong sent = new AtomicLong();
        InputStream generated = new InputStream() {
            private byte[] current = new byte[0];
            private int at;

            @Override
            public int read() {
                if (at == current.length) {
                    long n = sent.get();
                    if (n == total) {
                        return -1;
                    }
                    if (n == total / 2) {
                        awaitFirstAnswer();
                    }
                    current = ("{\"lead\": {\"id\": \"gen-" + n + "\", \"jobTitle\": \"CMO\", \"industry\": \"Apparel\"},"
                            + " \"events\": [{\"type\": \"Pricing Page Viewed\", \"timestamp\": \"2026-11-20T10:00:00Z\"}],"
                            + " \"asOf\": \"2026-11-23T00:00:00Z\"}\n").getBytes(StandardCharsets.UTF_8);
                    at = 0;
                    sent.incrementAndGet();
                }
                return current[at++] & 0xff;
            }

            private void awaitFirstAnswer() {
                try {
                    waitedInVain.set(!firstAnswer.await(60, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        // A raw HTTP/1.1 exchange, chunked, sending and reading at once (HTTP clients send the whole body first).
        try (Socket socket = new Socket(batchUrl.getHost(), batchUrl.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + batchUrl.getPath() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Api.SCORE_KEY + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> sendChunked(generated, out), "batch-sender");
            sender.start();
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            assertThat(asciiLine(in)).contains(" 200 ");
            while (!asciiLine(in).isEmpty()) {
                // the response headers: the answer is chunked
            }
            long answers = 0;
            StringBuilder line = new StringBuilder();
            int size;
            while ((size = Integer.parseInt(asciiLine(in).trim(), 16)) > 0) {
                byte[] chunk = new byte[size];
                in.readFully(chunk);
                asciiLine(in);
                for (char c : new String(chunk, StandardCharsets.UTF_8).toCharArray()) {
                    if (c != '\n') {
                        line.append(c);
                        continue;
                    }
                    assertThat(line.toString()).contains("\"leadId\":\"gen-");
                    answers++;
                    firstAnswer.countDown();
                    line.setLength(0);
                }
            }
            sender.join();
            assertThat(answers).isEqualTo(total);
        }
        assertThat(waitedInVain).as("the sender waited in vain for an answer half-way").isFalse();
    }

    private static String asciiLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void sendChunked(InputStream body, OutputStream out) {
        try {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = body.read(buffer)) > 0) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(buffer, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
