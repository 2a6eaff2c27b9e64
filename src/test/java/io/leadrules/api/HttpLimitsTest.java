package io.leadrules.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Limits and bad query values answer problems that say what was wrong, never a bare status. */
@QuarkusTest
class HttpLimitsTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aBodyOverTheHttpLimitGetsA413Problem() throws IOException {
        for (String path : new String[]{"/v1/batch", "/score"}) {
            String response = postDeclaring(path, 50_000_000L);

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
            assertThat(response).contains("\"type\":\"/problems/payload-too-large\"").contains("\"status\":413")
                    .contains("quarkus.http.limits.max-body-size").contains("10485760 bytes");
        }
    }

    @Test
    void segmentsOwnLimitStillAnswers400() {
        String big = "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"properties\":{\"p\":\""
                + "x".repeat(600_000) + "\"}}]}";
        client().body(big).post("/v1/batch").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("512000"));
    }

    @Test
    void aTransitionsLimitThatIsNotANumberIsA400NamingIt() {
        given().queryParam("limit", "abc").get("/mql/transitions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("limit"))
                .body("detail", containsString("\"abc\""));
        given().queryParam("limit", "0").get("/mql/transitions").then().statusCode(400).body("field", equalTo("limit"));
        given().queryParam("limit", "5").get("/mql/transitions").then().statusCode(200);
    }

    /** Sends only the headers of a POST declaring {@code length} bytes: the limit applies before any body is read. */
    private String postDeclaring(String path, long length) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\n"
                    + "Authorization: Basic ZGV2LXdyaXRlLWtleTo=\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
