package io.leadrules.report;

import io.leadrules.rules.RuleFile;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.support.ControlledClockProfile;
import io.leadrules.support.Api;
import io.leadrules.support.Fixtures;
import io.leadrules.support.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.leadrules.support.Segment.ADMIN;
import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report pages in a real browser (headless Chromium driven by Selenium, from the Debian packages
 * {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them): the charts render, the tables sort,
 * and the numbers shown are those of the JSON endpoints. Skipped, saying why, where Chromium is not installed.
 */
@QuarkusTest
@TestProfile(ControlledClockProfile.class)
class ReportPagesBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Instant T0 = Instant.parse("2026-08-03T09:00:00Z");

    @Inject
    TestClock clock;

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver browser;
    private Path profile;
    private Path uploads;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: install Chromium (apt-get install chromium chromium-driver; .ci/run does)");
        profile = Files.createTempDirectory("leadrules-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1280,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        for (Path dir : new Path[] {profile, uploads}) {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private String ingestLead() {
        clock.set(T0);
        String lead = Fixtures.uniqueLead("browser");
        client().body(Fixtures.segment("identify-ideal-buyer.json", Map.of("lead", lead, "msg", lead + "-id",
                "ts", T0.minusSeconds(60).toString()))).post("/v1/identify").then().statusCode(200);
        clock.advance(Duration.ofMinutes(5));
        client().body(Fixtures.segment("page.json", Map.of("lead", lead, "msg", lead + "-pricing", "name", "Pricing",
                "path", "/pricing", "ts", clock.instant().toString()))).post("/v1/page").then().statusCode(200);
        clock.advance(Duration.ofDays(3));
        return lead;
    }

    /** Waits until Chart.js has drawn a chart on the canvas, and returns its data points. */
    private Object chartData(String canvasId) {
        JavascriptExecutor js = browser;
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js.executeScript(
                "const c = document.getElementById(arguments[0]);"
                        + " return !!(window.Chart && c && Chart.getChart(c) && c.width > 0 && c.height > 0);", canvasId)));
        return js.executeScript("return Chart.getChart(document.getElementById(arguments[0])).data.datasets[0].data;",
                canvasId);
    }

    /** Signs out with the pages' "Sign out" button; a page opened then sends the browser to sign in again. */
    private void signOut() {
        browser.get(base + "reports/rule-hits.html");
        WebElement button = browser.findElement(By.id("sign-out"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(button));
        assertThat(browser.getCurrentUrl()).contains("/login.html?signed-out");
        browser.get(base + "reports/preview");
        assertThat(browser.getCurrentUrl()).endsWith("/login.html");
    }

    /** Signs in on the sign-in page (the browser is sent there by any page it opens without a session). */
    private void signIn(String key) {
        browser.get(base + "login.html");
        enterKey(key);
    }

    /** Types the key on the sign-in page and waits for the page the form leads to. */
    private void enterKey(String key) {
        browser.findElement(By.id("key")).sendKeys(key);
        WebElement button = browser.findElement(By.id("sign-in"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(button));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().trim();
    }

    @Test
    void theRuleHitPageDrawsTheDistributionAndShowsTheJsonFigures() {
        signIn(Api.READ_KEY);
        ingestLead();
        browser.get(base + "reports/rule-hits.html");
        List<?> bars = (List<?>) chartData("score-distribution");
        chartData("category-points");
        JsonPath json = given().get("/reports/rule-hits").then().statusCode(200).extract().jsonPath();

        assertThat(bars.stream().mapToLong(b -> ((Number) b).longValue()).sum()).isEqualTo(json.getLong("leads"));
        assertThat(text("#kpi-leads")).isEqualTo(json.getString("leads"));
        assertThat(text("#kpi-mqls")).isEqualTo(json.getString("mqls"));
        String rule = "Title: ideal buyer";
        WebElement row = browser.findElement(By.cssSelector("tr[data-rule='" + rule + "']"));
        assertThat(row.findElement(By.cssSelector("td.fires")).getText())
                .isEqualTo(json.getString("rules.find { it.rule == '" + rule + "' }.fires"));
        assertThat(row.findElement(By.tagName("a")).getAttribute("href")).contains("/rules/source?file=fit.drl");
    }

    @Test
    void rulesTableSortsByAClickedColumn() {
        signIn(Api.READ_KEY);
        ingestLead();
        browser.get(base + "reports/rule-hits.html");
        chartData("score-distribution");
        browser.findElement(By.xpath("//table[@id='rules']//th[text()='Fires']")).click();
        List<Long> ascending = browser.findElements(By.cssSelector("#rules td.fires")).stream()
                .map(e -> Long.parseLong(e.getText())).toList();
        assertThat(ascending).isSorted().hasSizeGreaterThan(1);
        browser.findElement(By.xpath("//table[@id='rules']//th[text()='Fires']")).click();
        List<Long> descending = browser.findElements(By.cssSelector("#rules td.fires")).stream()
                .map(e -> Long.parseLong(e.getText())).toList();
        assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void theExplanationPageDrawsTheWaterfallAndTimelineWithTheJsonScore() {
        signIn(Api.READ_KEY);
        String lead = ingestLead();
        browser.get(base + "leads/" + lead + "/explanation.html");
        List<?> waterfall = (List<?>) chartData("waterfall");
        List<?> timeline = (List<?>) chartData("timeline");
        JsonPath json = given().get("/leads/{id}/explanation", lead).then().statusCode(200).extract().jsonPath();

        assertThat(text("#live-score")).isEqualTo(json.getString("live.score"));
        assertThat(text("#threshold")).isEqualTo(json.getString("threshold"));
        List<?> scoreBar = (List<?>) waterfall.get(waterfall.size() - 1);
        assertThat(((Number) scoreBar.get(1)).doubleValue()).isEqualTo(json.getDouble("live.score"));
        assertThat(timeline).hasSize(json.getList("timeline").size());
        assertThat(((Number) timeline.get(timeline.size() - 1)).doubleValue())
                .isEqualTo(json.getDouble("latestDecision.score"));
    }

    /** A lead at a strong-fit title in {@code industry}: 50 points live (see RulesPreviewTest). */
    private String ingestCompanyLead(String industry) {
        String lead = Fixtures.uniqueLead("browser-preview");
        client().body(Fixtures.segment("identify-company.json", Map.of("lead", lead, "msg", lead + "-id",
                "ts", clock.instant().minusSeconds(60).toString(), "title", "Director of E-commerce",
                "industry", industry))).post("/v1/identify").then().statusCode(200);
        return lead;
    }

    @Test
    void thePreviewFormRunsTheUploadedCandidateAndThePageShowsTheJsonPreview() throws IOException {
        clock.set(T0);
        String industry = "Vertical " + UUID.randomUUID();
        List<String> leads = List.of(ingestCompanyLead(industry), ingestCompanyLead(industry),
                ingestCompanyLead(industry));
        String drl = Fixtures.text("preview/industry-bonus.drl", Map.of("industry", industry));
        // the whole candidate ruleset, as a marketer would choose it: the live files plus the new one
        uploads = Files.createTempDirectory("leadrules-candidate");
        List<RuleFile> candidate = new ArrayList<>(RulesetCompiler.readFolder(Path.of("rules")));
        candidate.add(new RuleFile("new-vertical.drl", drl));
        List<String> paths = new ArrayList<>();
        for (RuleFile f : candidate) {
            Path file = uploads.resolve(f.path());
            Files.writeString(file, f.content());
            paths.add(file.toAbsolutePath().toString());
        }

        // Opened without a session, the page sends the browser to sign in, and back once signed in.
        browser.get(base + "reports/rule-hits.html");
        assertThat(browser.getCurrentUrl()).endsWith("/login.html");
        enterKey(Api.ANALYST_KEY);
        assertThat(browser.getCurrentUrl()).endsWith("/reports/rule-hits.html");
        browser.findElement(By.id("preview-link")).click();
        browser.findElement(By.id("files")).sendKeys(String.join("\n", paths));
        browser.findElement(By.id("run")).click();
        List<?> bars = (List<?>) chartData("score-shift");
        JsonPath json = given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("files", candidate.stream().map(f -> Map.of("path", f.path(), "content", f.content()))
                        .toList()))
                .post("/rules/preview").then().statusCode(200).extract().jsonPath();

        assertThat(bars).hasSize(json.getList("scoreShift.histogram").size());
        assertThat(bars.stream().mapToLong(b -> ((Number) b).longValue()).sum()).isEqualTo(json.getLong("leads"));
        assertThat(text("#kpi-enter")).isEqualTo(json.getString("enterMql.count")).isEqualTo("3");
        assertThat(text("#kpi-leave")).isEqualTo(json.getString("leaveMql.count"));
        assertThat(text("#enter-mql h3")).isEqualTo("Would enter MQL: 3");
        assertThat(text("#shift-mean")).isEqualTo(json.getString("scoreShift.mean"));
        assertThat(text("#candidate-version")).isEqualTo(json.getString("candidateVersion"));
        assertThat(browser.findElements(By.cssSelector("#enter-mql li a"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrderElementsOf(leads);

        // the rules table sorts, and an entering lead's link opens its explanation
        browser.findElement(By.xpath("//table[@id='rule-changes']//th[text()='Difference']")).click();
        assertThat(browser.findElements(By.cssSelector("#rule-changes td.difference")).stream()
                .map(e -> Long.parseLong(e.getText().replace("+", ""))).toList()).isSorted();
        browser.findElement(By.cssSelector("#enter-mql li a")).click();
        chartData("waterfall");
        assertThat(browser.getCurrentUrl()).contains("/explanation.html");
    }

    @Test
    void aWrongKeyIsRefusedAtSignInAndThePreviewFormWithoutFilesPreviewsTheRulesFolder() {
        ingestLead();
        browser.get(base + "reports/preview");
        enterKey("not the key");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isTrue();
        // a reader may sign in but not run a preview
        enterKey(Api.READ_KEY);
        browser.get(base + "reports/preview");
        assertThat(browser.getPageSource()).doesNotContain("id=\"run\"");
        signOut();
        enterKey(Api.ANALYST_KEY);
        browser.get(base + "reports/preview");
        browser.findElement(By.id("run")).click();
        chartData("score-shift");
        assertThat(text("#candidate-version")).isEqualTo(text("#live-version"));
        assertThat(text("#kpi-enter")).isEqualTo("0");
    }
}
