package io.leadrules.api;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.TrackMessage;
import io.leadrules.support.Fixtures;
import io.leadrules.support.Segment;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Segment's own Java library ({@code com.segment.analytics.java:analytics}) sends to the service; the profile and
 * score are then checked through the API. The real-client test that needs nothing but Maven Central (the Node
 * client's test needs node and npm).
 * <p>
 * The library is configured as a Java application pointing it at Leadrules must configure it: since 3.x it sends the
 * write key only inside the batch body ({@code "writeKey"}) to {@code /v1/import/}, and Leadrules takes the write key
 * from HTTP Basic auth on {@code /v1/batch}. So the upload URL names {@code /v1/batch}, and the library's own OkHttp
 * client is given one that adds the Basic header (see README "Segment-compatible ingestion").
 */
@QuarkusTest
@Tag("db")
class SegmentJavaClientTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void identifyAndTrackFromSegmentsJavaLibraryAreScored() throws InterruptedException {
        String lead = Fixtures.uniqueLead("java");

        List<Outcome> outcomes = send(Segment.WRITE_KEY, lead);

        assertThat(outcomes).as("what the library reported").allMatch(o -> o.failure == null, "delivered");
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
    void segmentsJavaLibraryIsToldOfAWrongWriteKeyAndNothingIsStored() throws InterruptedException {
        String lead = Fixtures.uniqueLead("java-badkey");

        List<Outcome> outcomes = send("wrong-key", lead);

        assertThat(outcomes).as("what the library reported").allSatisfy(o ->
                assertThat(o.failure).isNotNull().hasMessageContaining("401"));
        given().get("/leads/{id}", lead).then().statusCode(404);
    }

    /** What the library reported for one message: delivered (no failure) or not. */
    private record Outcome(Message message, Throwable failure) {
    }

    /** Sends an identify and a track as an application would, and waits for the library's verdict on both. */
    private List<Outcome> send(String writeKey, String userId) throws InterruptedException {
        BlockingQueue<Outcome> reported = new LinkedBlockingQueue<>();
        OkHttpClient withBasicAuth = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(
                chain.request().newBuilder().header("Authorization", Credentials.basic(writeKey, "")).build())).build();
        Analytics analytics = Analytics.builder(writeKey)
                .setUploadURL(base.toString().replaceFirst("/$", "") + "/v1/batch")
                .client(withBasicAuth)
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        reported.add(new Outcome(message, null));
                    }

                    @Override
                    public void failure(Message message, Throwable failure) {
                        reported.add(new Outcome(message, failure));
                    }
                })
                .build();
        try {
            analytics.enqueue(IdentifyMessage.builder().userId(userId).traits(Map.of("email", "lee@brandco.com",
                    "title", "CMO", "industry", "Beauty", "employees", 120, "country", "US")));
            analytics.enqueue(TrackMessage.builder("Demo Requested").userId(userId)
                    .properties(Map.of("form", "contact-sales")));
            analytics.flush();
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                Outcome outcome = reported.poll(30, TimeUnit.SECONDS);
                assertThat(outcome).as("the library's report on message %d of 2 within 30 s", i).isNotNull();
                outcomes.add(outcome);
            }
            return outcomes;
        } finally {
            analytics.shutdown();
        }
    }
}
