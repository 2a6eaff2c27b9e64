package io.leadrules.api;

import io.leadrules.rules.RuleFile;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.support.Api;
import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.leadrules.api.RulesPreviewTest.lead;
import static io.leadrules.api.RulesPreviewTest.liveFilesPlus;
import static io.leadrules.support.Segment.ADMIN;
import static io.leadrules.support.Api.anonymous;
import static org.hamcrest.Matchers.endsWith;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * The impact preview as an HTML page: {@code POST /rules/preview} with {@code Accept: text/html}, and the form at
 * {@code /reports/preview} that posts the candidate's files. Same setup as {@link RulesPreviewTest}: a candidate
 * rule gives +30 to an industry only this test's leads have, so three of them enter MQL.
 */
@QuarkusTest
@Tag("db")
class PreviewPagesTest {

    private static final String KEY = Api.ANALYST_KEY;
    private static final String NEW_RULE = "Industry: new vertical";

    /** Three leads that the candidate's new rule lifts into MQL; returns the candidate's extra file. */
    private static String[] leadsAndCandidate() {
        String industry = "Vertical " + UUID.randomUUID();
        String a = lead("Director of E-commerce", industry);
        String b = lead("Director of E-commerce", industry);
        String c = lead("Director of E-commerce", industry);
        return new String[] {Fixtures.text("preview/industry-bonus.drl", Map.of("industry", industry)), a, b, c};
    }

    private static JsonPath jsonPreview(String drl) {
        return given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("files", liveFilesPlus("new-vertical.drl", drl)))
                .post("/rules/preview").then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
    }

    /** A multipart form post with the rules folder's files plus {@code extra}, as the form's file input sends. */
    private static RequestSpecification form(String key, String extraName, String extra) {
        RequestSpecification request = Api.as(key);
        for (RuleFile f : RulesetCompiler.readFolder(Path.of("rules"))) {
            request = request.multiPart("files", f.path(), f.content().getBytes(StandardCharsets.UTF_8),
                    "application/octet-stream");
        }
        return extraName == null ? request : request.multiPart("files", extraName,
                extra.getBytes(StandardCharsets.UTF_8), "application/octet-stream");
    }

    /** The text of the element with this id (no nested elements). */
    static String byId(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("element #%s in the page", id).isTrue();
        return m.group(1).trim();
    }

    /** The page shows the figures of the JSON answer for the same candidate. */
    private static void assertSameFigures(String html, JsonPath json) {
        assertThat(byId(html, "live-version")).isEqualTo(json.getString("liveVersion"));
        assertThat(byId(html, "candidate-version")).isEqualTo(json.getString("candidateVersion"));
        assertThat(byId(html, "threshold")).isEqualTo(json.getString("threshold"));
        assertThat(byId(html, "kpi-leads")).isEqualTo(json.getString("leads"));
        assertThat(byId(html, "kpi-mql-live")).isEqualTo(json.getString("mqlLive"));
        assertThat(byId(html, "kpi-mql-candidate")).isEqualTo(json.getString("mqlCandidate"));
        assertThat(byId(html, "kpi-enter")).isEqualTo(json.getString("enterMql.count")).isEqualTo("3");
        assertThat(byId(html, "kpi-leave")).isEqualTo(json.getString("leaveMql.count"));
        for (String figure : List.of("up", "down", "unchanged", "max", "min")) {
            assertThat(byId(html, "shift-" + figure)).as(figure).isEqualTo(json.getString("scoreShift." + figure));
        }
        for (String lead : json.getList("enterMql.sample", String.class)) {
            assertThat(html).contains("<a href=\"/leads/" + lead + "/explanation.html\">" + lead + "</a>");
        }
        assertThat(html).contains("<canvas id=\"score-shift\"");
        JsonPath embedded = new JsonPath(html.substring(html.indexOf("id=\"page-data\">") + 15,
                html.indexOf("</script>", html.indexOf("id=\"page-data\">"))));
        assertThat(embedded.getList("scoreShift.histogram.leads"))
                .isEqualTo(json.getList("scoreShift.histogram.leads"));
        assertThat(embedded.getString("enterMql.count")).isEqualTo(json.getString("enterMql.count"));
    }

    @Test
    void rulesPreviewAnswersTheReportPageWhenHtmlIsAskedFor() {
        String[] setup = leadsAndCandidate();
        JsonPath json = jsonPreview(setup[0]);
        String html = given().header("Authorization", ADMIN).contentType("application/json").accept("text/html")
                .body(Map.of("files", liveFilesPlus("new-vertical.drl", setup[0])))
                .post("/rules/preview").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();

        assertSameFigures(html, json);
        assertThat(html).contains("/leads/" + setup[1] + "/explanation.html");
        // live rules link to their DRL lines; the candidate-only rule has no source to show
        assertThat(html).containsPattern("<tr data-rule=\"Title: ideal buyer\"[^>]*>\\s*<td><a href=\"/rules/source\\?file=fit.drl&amp;from=\\d+");
        assertThat(html).containsPattern("<tr data-rule=\"" + NEW_RULE + "\"[^>]*>\\s*<td>" + NEW_RULE + "</td>\\s*<td class=\"status\">added</td>");
    }

    @Test
    void jsonStaysTheDefault() {
        given().header("Authorization", ADMIN).contentType("application/json").body("{}")
                .post("/rules/preview").then().statusCode(200).contentType("application/json");
        given().header("Authorization", ADMIN).contentType("application/json").accept("*/*").body("{}")
                .post("/rules/preview").then().statusCode(200).contentType("application/json");
    }

    @Test
    void theFormShowsToAnAnalystAndSendsABrowserWithoutASessionToSignIn() {
        Api.as(KEY).accept("text/html").get("/reports/preview").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("enctype=\"multipart/form-data\""))
                .body(not(containsString("name=\"key\"")))
                .body(containsString("name=\"files\" id=\"files\" accept=\".drl\" multiple"))
                .body(containsString("the rules folder's files"))
                .body(not(containsString("id=\"error\"")));
        anonymous().redirects().follow(false).accept("text/html").get("/reports/preview").then().statusCode(302)
                .header("Location", endsWith("/login.html"));
        Api.as(Api.READ_KEY).accept("text/html").get("/reports/preview").then().statusCode(403);
    }

    @Test
    void theRuleHitPageLinksToTheForm() {
        given().get("/reports/rule-hits.html").then().statusCode(200)
                .body(containsString("<a href=\"/reports/preview\" id=\"preview-link\">"));
    }

    @Test
    void theFormRendersThePreviewOfTheUploadedFiles() {
        String[] setup = leadsAndCandidate();
        JsonPath json = jsonPreview(setup[0]);
        String html = form(KEY, "new-vertical.drl", setup[0]).accept("text/html").post("/reports/preview")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertSameFigures(html, json);
    }

    @Test
    void noFileChosenPreviewsTheRulesFolder() {
        // a browser sends the empty file input as one part without a file name
        String html = Api.as(KEY).multiPart("files", "", new byte[0], "application/octet-stream")
                .accept("text/html").post("/reports/preview").then().statusCode(200).extract().asString();
        JsonPath json = given().header("Authorization", ADMIN).contentType("application/json").body("{}")
                .post("/rules/preview").then().statusCode(200).extract().jsonPath();
        assertThat(byId(html, "candidate-version")).isEqualTo(json.getString("candidateVersion"));
        assertThat(byId(html, "kpi-enter")).isEqualTo(json.getString("enterMql.count"));
    }

    @Test
    void aMissingOrWrongKeyIs401AndAReaderIs403() {
        anonymous().multiPart("files", "x.drl", new byte[0], "application/octet-stream").post("/reports/preview")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthorized"));
        form("wrong", "x.drl", "package leadrules;").post("/reports/preview").then().statusCode(401)
                .contentType("application/problem+json").body("detail", equalTo("The key sent is not valid"));
        form(Api.READ_KEY, "x.drl", "package leadrules;").post("/reports/preview").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("analyst"));
    }

    @Test
    void invalidDrlIs422WithFileAndLineAsTheJsonApiGives() {
        String broken = Fixtures.text("preview/broken.drl", Map.of());
        form(KEY, "broken.drl", broken).post("/reports/preview").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-rules"))
                .body("errors.file", hasItems("broken.drl"))
                .body("errors.find { it.file == 'broken.drl' }.line", equalTo(10));
        String page = form(KEY, "broken.drl", broken).accept("text/html").post("/reports/preview")
                .then().statusCode(422).contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("The candidate rules are invalid")
                .containsPattern("<tr><td>broken.drl</td><td class=\"num\">10</td><td class=\"num\">\\d+</td><td>[^<]+</td></tr>");
    }

    @Test
    void aFileThatIsNotDrlIs400NamingIt() {
        form(KEY, "notes.txt", "hello").post("/reports/preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-upload"))
                .body("detail", containsString("\"notes.txt\""))
                .body("errors[0].file", equalTo("notes.txt"));
        String page = form(KEY, "notes.txt", "hello").accept("text/html").post("/reports/preview")
                .then().statusCode(400).contentType(containsString("text/html")).extract().asString();
        assertThat(byId(page, "error-detail")).contains("&quot;notes.txt&quot;");
    }
}
