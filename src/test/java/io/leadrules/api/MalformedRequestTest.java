package io.leadrules.api;

import io.leadrules.support.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.leadrules.support.Segment.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests found by fuzzing that answered 500: each is a 400 problem saying what is wrong with it. */
@QuarkusTest
class MalformedRequestTest {

    private static final String WRITE_KEY_BASIC = "Basic ZGV2LXdyaXRlLWtleTo=";
    private static final List<String> POSTS = List.of("/score", "/v1/track", "/v1/batch", "/outcomes",
            "/rules/validate", "/rules/reload", "/rules/preview", "/calibration/backtest", "/reports/preview");

    @TestHTTPResource("/")
    URL root;

    @Test
    void anEmptyContentTypeOnAnyPostIsA400NamingTheHeader() throws IOException {
        for (String path : POSTS) {
            RawHttp.Response answer = post(path, "Content-Type", null, "{}".getBytes());

            assertProblem(path, answer, "/problems/malformed-header");
            assertThat(answer.text()).as(path).contains("\"field\":\"Content-Type\"").contains("is empty");
        }
    }

    @Test
    void anAcceptHeaderThatIsNoMediaTypeIsA400NamingIt() throws IOException {
        RawHttp.Response answer = RawHttp.send(root, "GET", "/rules", headers("/rules", "Accept", "text/"), null);

        assertProblem("/rules", answer, "/problems/malformed-header");
        assertThat(answer.text()).contains("\"field\":\"Accept\"");
    }

    @Test
    void aMultipartTypeWithABodyThatIsNotMultipartIsA400() throws IOException {
        RawHttp.Response answer = post("/outcomes", "Content-Type", "multipart/form-data; boundary=xyz",
                "{\"leadId\":\"a\",\"outcome\":\"won\"}".getBytes());

        assertProblem("/outcomes", answer, "/problems/unreadable-body");
        assertThat(answer.text()).contains("multipart");
    }

    @Test
    void aBodyStartingWithNulBytesIsA400MalformedJson() throws IOException {
        byte[] body = "\0\0\0{\"userId\":\"nul\",\"event\":\"Email Opened\"}".getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/score", "/v1/track", "/v1/identify", "/v1/batch", "/calibration/backtest")) {
            RawHttp.Response answer = post(path, "Content-Type", "application/json", body);

            assertProblem(path, answer, "/problems/malformed-json");
        }
    }

    private RawHttp.Response post(String path, String header, String value, byte[] body) throws IOException {
        return RawHttp.send(root, "POST", path, headers(path, header, value), body);
    }

    /** The key each call needs: the write key on ingestion, the admin key (which has every role) elsewhere. */
    private static List<String[]> headers(String path, String... more) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[]{"Authorization", path.startsWith("/v1/") ? WRITE_KEY_BASIC : ADMIN});
        for (int i = 0; i < more.length; i += 2) {
            headers.add(new String[]{more[i], more[i + 1]});
        }
        return headers;
    }

    private static void assertProblem(String path, RawHttp.Response answer, String type) {
        assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
        assertThat(answer.text()).as(path).contains("\"type\":\"" + type + "\"");
    }
}
