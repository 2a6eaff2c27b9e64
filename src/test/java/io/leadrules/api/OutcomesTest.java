package io.leadrules.api;

import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** {@code POST /outcomes} in its three formats, all-or-nothing batches, and {@code GET /outcomes?leadId=}. */
@QuarkusTest
@Tag("db")
class OutcomesTest {

    static String lead(String prefix) {
        String lead = Fixtures.uniqueLead(prefix);
        client().body(SegmentIngestTest.track(lead, "Email Opened", Instant.now(), lead + "-o"))
                .post("/v1/track").then().statusCode(200);
        return lead;
    }

    private static void post(String contentType, String fixture, Map<String, String> values, int stored, int replaced) {
        given().contentType(contentType).body(bytes(Fixtures.text("outcomes/" + fixture, values)))
                .post("/outcomes").then().statusCode(200)
                .body("stored", equalTo(stored)).body("replaced", equalTo(replaced));
    }

    /** Rest Assured encodes only the content types it knows as text; JSONL goes as bytes. */
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One outcome as a line of JSON lines (or, alone, as a JSON body). */
    private static String jsonLine(String lead, String outcome, String closedAt) {
        return "{\"leadId\":\"" + lead + "\",\"outcome\":\"" + outcome + "\",\"closedAt\":\"" + closedAt + "\"}\n";
    }

    private static void assertOutcome(String lead, String outcome, String closedAt) {
        given().queryParam("leadId", lead).get("/outcomes").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].leadId", equalTo(lead))
                .body("[0].outcome", equalTo(outcome))
                .body("[0].closedAt", equalTo(closedAt));
    }

    private static void assertNoOutcome(String lead) {
        given().queryParam("leadId", lead).get("/outcomes").then().statusCode(200).body("", empty());
    }

    @Test
    void recordsASingleOutcome() {
        String a = lead("single");
        post("application/json", "single.json", Map.of("lead1", a), 1, 0);
        assertOutcome(a, "won", "2026-03-01T12:00:00Z");
    }

    @Test
    void recordsAJsonArrayAndKeepsClosedAtInUtc() {
        String a = lead("array");
        String b = lead("array");
        post("application/json", "array.json", Map.of("lead1", a, "lead2", b), 2, 0);
        assertOutcome(a, "won", "2026-03-01T12:00:00Z");
        assertOutcome(b, "lost", "2026-03-02T07:30:00Z");
    }

    @Test
    void recordsJsonLinesSkippingBlankLinesAndReadingADateAsMidnightUtc() {
        String a = lead("jsonl");
        String b = lead("jsonl");
        post("application/x-ndjson", "batch.jsonl", Map.of("lead1", a, "lead2", b), 2, 0);
        assertOutcome(a, "lost", "2026-03-03T00:00:00Z");
        assertOutcome(b, "won", "2026-03-04T00:00:00Z");
    }

    @Test
    void recordsCsvIgnoringExtraColumnsAndTheCaseOfOutcome() {
        String a = lead("csv");
        String b = lead("csv");
        post("text/csv", "batch.csv", Map.of("lead1", a, "lead2", b), 2, 0);
        assertOutcome(a, "won", "2026-04-01T10:00:00Z");
        assertOutcome(b, "lost", "2026-04-02T00:00:00Z");
    }

    @Test
    void readsACsvThatStartsWithAByteOrderMarkAsExcelWritesIt() {
        String a = lead("bom");
        given().contentType("text/csv").body(bytes("\uFEFFleadId,outcome,closedAt\n" + a + ",won,2026-04-05\n"))
                .post("/outcomes").then().statusCode(200).body("stored", equalTo(1));
        assertOutcome(a, "won", "2026-04-05T00:00:00Z");
    }

    @Test
    void aPageSizeThatIsNoNumberIs400() {
        given().queryParam("limit", "abc").get("/outcomes").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("limit"));
    }

    @Test
    void aLaterOutcomeReplacesTheEarlierOne() {
        String a = lead("replace");
        post("application/json", "single.json", Map.of("lead1", a), 1, 0);
        post("application/jsonl", "batch.jsonl", Map.of("lead1", a, "lead2", a), 1, 1);
        assertOutcome(a, "won", "2026-03-04T00:00:00Z");   // the last line for the lead wins
    }

    @Test
    void aBadCsvRowRejectsTheWholeBatchNamingEachRowAndField() {
        String a = lead("bad");
        String b = lead("bad");
        given().contentType("text/csv").body(Fixtures.text("outcomes/bad-rows.csv", Map.of("lead1", a, "lead2", b)))
                .post("/outcomes").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-outcomes"))
                .body("detail", containsString("2 of 3"))
                .body("errors.record", contains(2, 3, 3))
                .body("errors.line", contains(3, 4, 4))
                .body("errors.field", contains("outcome", "leadId", "closedAt"))
                .body("errors[0].value", equalTo("pending"))
                .body("errors[0].message", equalTo("must be won or lost"))
                .body("errors[2].value", equalTo("yesterday"));
        assertNoOutcome(a);
    }

    @Test
    void aBadJsonLineRejectsTheWholeBatch() {
        String a = lead("badline");
        String b = lead("badline");
        given().contentType("application/x-ndjson")
                .body(bytes(Fixtures.text("outcomes/bad-lines.jsonl", Map.of("lead1", a, "lead2", b))))
                .post("/outcomes").then().statusCode(400).contentType("application/problem+json")
                .body("errors.line", contains(2, 3, 3))
                .body("errors[0].field", nullValue())
                .body("errors[0].message", containsString("not valid JSON"))
                .body("errors.field", contains(null, "result", "outcome"));
        assertNoOutcome(a);
    }

    @Test
    void aCsvWithoutTheRequiredColumnsIsRefused() {
        given().contentType("text/csv").body("lead,result,date\nx,won,2026-01-01\n")
                .post("/outcomes").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("closedAt", "leadId", "outcome"));
    }

    @Test
    void anUnknownLeadRejectsTheBatchWith422ListingIt() {
        String a = lead("known");
        String unknown = Fixtures.uniqueLead("never-seen");
        given().contentType("application/json")
                .body(Fixtures.text("outcomes/unknown-lead.json", Map.of("lead1", a, "unknown", unknown)))
                .post("/outcomes").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/unknown-leads"))
                .body("errors", hasSize(1))
                .body("errors[0].record", equalTo(2))
                .body("errors[0].leadId", equalTo(unknown));
        assertNoOutcome(a);
    }

    @Test
    void theLeadShowsItsOutcomeOnceRecordedAndTheLaterOneAfterAReplacement() {
        String a = lead("view");
        given().get("/leads/" + a).then().statusCode(200).body("id", equalTo(a)).body("outcome", nullValue())
                .body("$", org.hamcrest.Matchers.hasKey("outcome"));
        Instant before = Instant.now();
        post("application/json", "single.json", Map.of("lead1", a), 1, 0);
        String recordedAt = given().get("/leads/" + a).then().statusCode(200)
                .body("outcome.outcome", equalTo("won"))
                .body("outcome.closedAt", equalTo("2026-03-01T12:00:00Z"))
                .extract().path("outcome.recordedAt");
        assertThat(Instant.parse(recordedAt)).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        post("application/jsonl", "batch.jsonl", Map.of("lead1", a, "lead2", a), 1, 1);
        given().get("/leads/" + a).then().statusCode(200)
                .body("outcome.outcome", equalTo("won"))
                .body("outcome.closedAt", equalTo("2026-03-04T00:00:00Z"));
    }

    @Test
    void readingTheOutcomeOfAnUnknownLeadIs404() {
        given().queryParam("leadId", Fixtures.uniqueLead("nobody")).get("/outcomes").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void twoObjectsSentAsOneJsonBodyAreRefusedNotHalfStored() {
        String a = lead("trailing");
        String b = lead("trailing");
        String body = jsonLine(a, "won", "2026-03-01T00:00:00Z") + jsonLine(b, "won", "2026-03-01T00:00:00Z");
        given().contentType("application/json").body(body).post("/outcomes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("application/x-ndjson"))
                .body("errors[0].line", equalTo(2));
        assertNoOutcome(a);
        assertNoOutcome(b);
    }

    @Test
    void aBodyWithoutAUsefulContentTypeIsReadByItsShape() {
        String a = lead("sniff");
        String b = lead("sniff");
        String jsonLines = jsonLine(a, "won", "2026-03-01") + jsonLine(b, "lost", "2026-03-02");
        given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)))
                .contentType("application/x-www-form-urlencoded").body(jsonLines).post("/outcomes")
                .then().statusCode(200).body("stored", equalTo(2));
        assertOutcome(b, "lost", "2026-03-02T00:00:00Z");
        given().contentType("text/plain").body("leadId,outcome,closedAt\n" + a + ",lost,2026-03-05\n").post("/outcomes")
                .then().statusCode(200).body("stored", equalTo(1)).body("replaced", equalTo(1));
        assertOutcome(a, "lost", "2026-03-05T00:00:00Z");
        given().contentType("application/csv").body(bytes("LeadID,Outcome,closedAt\n" + a + ",won,2026-03-06\n"))
                .post("/outcomes").then().statusCode(200).body("stored", equalTo(1));
        assertOutcome(a, "won", "2026-03-06T00:00:00Z");
    }

    @Test
    void anUploadedFileIsReadByItsExtension() {
        String a = lead("upload");
        String b = lead("upload");
        given().multiPart("file", "outcomes.csv", bytes("leadId,outcome,closedAt\n" + a + ",won,2026-03-07\n"),
                        "application/octet-stream")
                .multiPart("more", "more.jsonl", bytes(jsonLine(b, "lost", "2026-03-08")), "application/octet-stream")
                .post("/outcomes").then().statusCode(200).body("stored", equalTo(2));
        assertOutcome(a, "won", "2026-03-07T00:00:00Z");
        assertOutcome(b, "lost", "2026-03-08T00:00:00Z");
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        given().contentType("application/json").body("[]").post("/outcomes").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("no outcome"));
    }
}
