package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.config.ParleyConfig;
import dev.parley.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium + chromedriver), served by a real ParleyNode with
 * the seeds ingested: the statements show, a new article arrives live while the page is open, markup in an
 * article title is shown as text and never runs. Leaves target/screenshots/dashboard.png.
 */
@Tag("integration")
class DashboardChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir", "../shared/seeds"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HOSTILE_TITLE = "<script>window.__parleyPwned = true</script>"
            + "<img src=x onerror=\"window.__parleyPwned = true\"> Nueva reimpresión del comunicado";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path browserProfile;
    static ParleyNode node;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Skipped: /usr/bin/chromium is not installed (apt-get install chromium chromium-driver)");
        node = ParleyNode.start(ParleyConfig.of(Map.of("parley.data.dir", dataDir.toString(), "parley.kafka.port", "0",
                "parley.registry.port", "0", "parley.http.port", "0")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(node.streams().awaitRunning(Duration.ofSeconds(90))).isTrue();
        Ingestion.ingest(List.of(SEEDS.toString()), node.reader(), node.publisher());
        awaitStatements(3);
        awaitCount("/api/events", 1);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + browserProfile.toAbsolutePath(), "--window-size=1400,1800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theSeedStatementsShowAndANewReprintArrivesLiveWithItsTitleAsText() throws Exception {
        browser.get("http://127.0.0.1:" + node.httpPort() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector("#statements-body article.statement")).size() == 3);
        wait.until(d -> d.findElement(By.id("live")).getText().equals("live"));
        // The dyad's state with its pressure–cooperation line, one point per event date.
        wait.until(d -> d.findElement(By.id("dyads-body")).getText().contains("MX-US"));
        assertThat(browser.findElements(By.cssSelector("#dyads-body svg.trend polyline"))).isNotEmpty();
        // Events and commitments as the extraction found them: each event once under each of its dyads, with its
        // summary and evidence sentence as text.
        JsonNode eventList = JSON.readTree(get("/api/events").body());
        int events = eventList.path("count").asInt();
        int commitments = JSON.readTree(get("/api/commitments").body()).path("count").asInt();
        wait.until(d -> d.findElements(By.cssSelector("#events-body tr[data-id]")).stream()
                .map(row -> row.getDomAttribute("data-id")).distinct().count() == events);
        int mxUs = 0;
        for (JsonNode e : eventList.path("events")) {
            assertThat(e.path("summary").asText()).as("summary of %s", e.path("id")).isNotBlank();
            assertThat(e.path("evidence").asText()).as("evidence of %s", e.path("id")).isNotBlank();
            By row = By.cssSelector("#events-body tr[data-id='" + e.path("id").asText() + "']");
            assertThat(browser.findElements(row)).hasSize(Math.max(1, e.path("dyads").size()));
            assertThat(browser.findElement(row).findElement(By.className("summary")).getText())
                    .isEqualTo(e.path("summary").asText());
            assertThat(browser.findElement(row).findElement(By.className("evidence")).getText())
                    .isEqualTo(e.path("evidence").asText());
            for (JsonNode dyad : e.path("dyads")) {
                mxUs += dyad.asText().equals("MX-US") ? 1 : 0;
            }
        }
        assertThat(browser.findElements(By.cssSelector("#events-body div[data-dyad='MX-US'] tr[data-id]"))).hasSize(mxUs);
        // The seeds' call of 11 January, as one line a reader can take in.
        assertThat(browser.findElement(By.cssSelector("#events-body div[data-dyad='MX-US']")).getText())
                .contains("De la Fuente (MX) spoke by phone with Rubio (US)");
        wait.until(d -> d.findElements(By.cssSelector("#commitments-body tr[data-id]")).size() == commitments);
        assertThat(browser.findElement(By.id("statements-count")).getText()).isEqualTo("(3)");
        // The dyad card follows the dyad-state topic until it has every event of the dyad.
        wait.until(d -> {
            try {
                String count = JSON.readTree(get("/api/dyads/MX-US").body()).path("eventCount").asText();
                return count.equals(d.findElement(By.cssSelector("#dyads-body div[data-dyad='MX-US']"))
                        .getDomAttribute("data-events")) && count.equals(String.valueOf(events));
            } catch (Exception e) {
                return false;
            }
        });
        // Actors of the events, from the actors view.
        wait.until(d -> {
            try {
                int actors = JSON.readTree(get("/api/actors").body()).path("count").asInt();
                return actors > 0 && d.findElements(By.cssSelector("#actors-body tr[data-id]")).size() == actors;
            } catch (Exception e) {
                return false;
            }
        });
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        screenshot(screenshots.resolve("dashboard.png")); // the seed state
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.__sameDocument = 'still here';");

        // A new article reprinting the most reprinted seed statement, under a title made of markup.
        JsonNode statements = JSON.readTree(get("/api/statements").body()).path("statements");
        JsonNode widest = statements.get(0);
        for (JsonNode s : statements) {
            if (s.path("reprintCount").asInt() > widest.path("reprintCount").asInt()) {
                widest = s;
            }
        }
        int before = widest.path("reprintCount").asInt();
        HttpResponse<String> posted = post(ReprintingArticle.json(HOSTILE_TITLE, "Diario de Prueba", "2026-01-17", widest.path("text").asText()));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String newId = JSON.readTree(posted.body()).path("id").asText();

        // The live update: the statement now lists the new article, without a reload.
        By newReprint = By.cssSelector("li[data-article='" + newId + "']");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(newReprint).isEmpty());
        wait.until(d -> d.findElement(newReprint).findElement(By.className("title")).getText().contains("<script>"));
        assertThat(js.executeScript("return window.__sameDocument")).isEqualTo("still here");
        assertThat(browser.findElement(By.id("feed-body")).getText()).contains("statement");
        String reprints = browser.findElement(newReprint).findElement(By.xpath("ancestor::article"))
                .getDomAttribute("data-reprints");
        assertThat(Integer.parseInt(reprints)).isEqualTo(before + 1);

        // The title is text: no script ran, no element was created from it.
        assertThat(js.executeScript("return window.__parleyPwned === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#statements-body script, #statements-body img"))).isEmpty();

        screenshot(screenshots.resolve("dashboard-live-update.png"));
    }

    private static void screenshot(Path file) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(file, png);
        assertThat(png.length).isGreaterThan(10_000);
    }

    @Test
    void theAsOfPickerFiltersStatementsThroughTheUrl() {
        browser.get("http://127.0.0.1:" + node.httpPort() + "/?asOf=2026-01-14");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        // Of the seed statements only the readout of the 11 January call was published by 14 January.
        wait.until(d -> d.findElements(By.cssSelector("#statements-body article.statement")).size() == 1);
        assertThat(browser.findElement(By.id("asof")).getDomProperty("value")).isEqualTo("2026-01-14");
        // The dyad and its commitments come from the versioned dyad store: as of the 14th, three events and no
        // commitment (both were agreed on the 15th); as of the 16th, both, with their statuses of that day.
        wait.until(d -> d.findElement(By.id("dyads-body")).getText().contains("as of 2026-01-14"));
        wait.until(d -> d.findElement(By.id("commitments-body")).getText().contains("No commitment had been agreed by"));
        browser.get("http://127.0.0.1:" + node.httpPort() + "/?asOf=2026-01-16");
        wait.until(d -> d.findElements(By.cssSelector("#commitments-body tr[data-id]")).size() == 2);
        assertThat(browser.findElements(By.cssSelector("#commitments-body td.status-scheduled"))).hasSize(2);
        browser.findElement(By.id("asof-now")).click();
        wait.until(d -> d.findElements(By.cssSelector("#statements-body article.statement")).size() >= 3);
        assertThat(browser.getCurrentUrl()).doesNotContain("asOf");
    }

    private static void awaitCount(String path, int atLeast) throws Exception {
        Await.until(path + " to list " + atLeast, Duration.ofSeconds(90), Duration.ofMillis(250), () -> count(path),
                n -> n >= atLeast);
    }

    private static void awaitStatements(int count) throws Exception {
        Await.until("the seeds to give " + count + " statements", Duration.ofSeconds(90), Duration.ofMillis(250),
                () -> count("/api/statements"), n -> n == count);
    }

    /** The listing's count; a non-200 answer is "not yet". */
    private static int count(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("count").asInt();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/articles"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + node.ingestToken().orElseThrow()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
