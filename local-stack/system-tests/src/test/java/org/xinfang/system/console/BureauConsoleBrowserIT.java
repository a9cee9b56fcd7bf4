package org.xinfang.system.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.xinfang.system.LocalStackAccess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bureau's dashboard in a real browser against the whole suite: the district's analyst signs in and the page's
 * charts show what the reporting API answers for the same windows (read both here), at a desktop's and a tablet's
 * size; a petition a school registers through the API appears on the open page within 2 seconds, without a reload;
 * the CSV downloads are UTF-8 with a byte-order mark and Chinese headers, and hold no petitioner's identity.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class BureauConsoleBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final ZoneId DISTRICTS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String DISTRICT = "d-east";
    private static final List<String> DIMENSIONS = List.of("school", "subject", "channel", "form", "level");
    private static final List<String> LEVELS = List.of("ROUTINE", "ELEVATED", "HIGH", "CRITICAL");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PETITIONER = "钱某";
    private static final String PHONE = "13700001111";

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String console;
    private static String issuerPort;
    private static Browser analyst;

    @BeforeAll
    static void theAnalystOpensTheDashboard() {
        LocalStackAccess stack = LocalStackAccess.sharedUnlessRunning();
        console = "http://localhost:" + stack.port("GATEWAY_PORT");
        issuerPort = stack.port("ISSUER_PORT");
        // At least one petition of today, so every chart has something to show.
        register("家长反映课后服务收费问题");
        analyst = SignIn.as(console, "east-analyst", Browser.DESKTOP, SCREENSHOTS);
    }

    @AfterAll
    static void close() {
        if (analyst != null) {
            analyst.close();
        }
    }

    @Test
    @Order(1)
    void theChartsShowTheApisFiguresForEachWindowAtDesktopAndTabletSize() {
        analyst.open(console + "/console/");
        // The analyst lands on the dashboard, and the navigation names it.
        analyst.test("live");
        assertThat(analyst.driver().getCurrentUrl()).isEqualTo(console + "/console/bureau");
        assertThat(analyst.visible(By.cssSelector("a.nav-link[href='/console/bureau']")).getText()).isEqualTo("全区态势");
        analyst.await(d -> analyst.text("live").equals("实时"));

        for (String window : List.of("today", "week", "month")) {
            analyst.click("window-" + window);
            LocalDate[] range = range(window);
            analyst.await(d -> pageMatchesTheApi(window, range));
        }
        analyst.click("window-today");
        analyst.await(d -> pageMatchesTheApi("today", range("today")));
        analyst.shot("bureau-dashboard-desktop");

        analyst.driver().manage().window().setSize(Browser.TABLET);
        try {
            analyst.click("window-month");
            analyst.await(d -> pageMatchesTheApi("month", range("month")));
            // At a tablet's size the charts are still drawn, each as wide as its column.
            Number width = (Number) ((JavascriptExecutor) analyst.driver()).executeScript(
                    "return document.querySelector(\"[data-test='fig-school-chart'] canvas\").clientWidth");
            assertThat(width.intValue()).isBetween(300, 820);
            analyst.shot("bureau-dashboard-tablet");
        } finally {
            analyst.driver().manage().window().setSize(Browser.DESKTOP);
        }
    }

    @Test
    @Order(2)
    void aPetitionRegisteredThroughTheApiAppearsWithinTwoSecondsWithoutAReload() {
        analyst.click("window-today");
        analyst.await(d -> pageMatchesTheApi("today", range("today")));
        JavascriptExecutor page = (JavascriptExecutor) analyst.driver();
        page.executeScript("window.__sameDocument = 'before the petition'");
        long before = Long.parseLong(analyst.text("received-today"));

        register("家长反映校门口交通拥堵 " + UUID.randomUUID().toString().substring(0, 6));
        long registered = System.nanoTime();
        analyst.await(d -> Long.parseLong(analyst.text("received-today")) > before);
        long tookMillis = (System.nanoTime() - registered) / 1_000_000;

        assertThat(tookMillis).as("from the API's 201 to the figure on the open page, ms").isLessThanOrEqualTo(2000);
        assertThat(page.executeScript("return window.__sameDocument")).as("the page was not reloaded")
                .isEqualTo("before the petition");
        analyst.await(d -> pageMatchesTheApi("today", range("today")));
        write("target/bureau-live-latency.txt", "a new petition on the open dashboard after " + tookMillis + " ms\n");
        analyst.shot("bureau-dashboard-live");
    }

    @Test
    @Order(3)
    void theCsvDownloadsAreUtf8WithAByteOrderMarkAndChineseHeaders() throws IOException {
        Path folder = Path.of("target/downloads/bureau-" + UUID.randomUUID().toString().substring(0, 8));
        analyst.downloadsTo(folder);
        analyst.click("window-today");

        analyst.click("csv-report");
        byte[] report = downloaded(folder, DISTRICT + "-");
        assertThat(report).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String reportText = new String(report, 3, report.length - 3, StandardCharsets.UTF_8);
        assertThat(reportText).startsWith("统计期间,分类,项目,数值\r\n").contains(",合计,登记件数,", ",学校,东区第一小学,");
        assertThat(reportText).doesNotContain(PETITIONER, PHONE, "s-east-01");

        analyst.click("csv-overdue");
        byte[] overdue = downloaded(folder, DISTRICT + "-overdue-");
        assertThat(overdue).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(overdue, StandardCharsets.UTF_8))
                .startsWith("\uFEFF事项编号,学校,承办部门,待办环节,期限,逾期天数,统计时间\r\n")
                .doesNotContain(PETITIONER, PHONE);
    }

    @Test
    @Order(4)
    void theMonthsStatisticsEqualTheApiAndPrintWithoutTheConsole() {
        analyst.open(console + "/console/statistics");
        LocalDate[] month = {LocalDate.now(DISTRICTS_ZONE).withDayOfMonth(1),
                LocalDate.now(DISTRICTS_ZONE).with(TemporalAdjusters.lastDayOfMonth())};
        LocalDate today = LocalDate.now(DISTRICTS_ZONE);
        assertThat(analyst.text("stat-heading")).isEqualTo(today.getYear() + "年" + today.getMonthValue() + "月信访工作统计表");
        analyst.await(d -> {
            JsonNode whole = get("/api/v1/reports/districts/" + DISTRICT + "?from=" + month[0] + "&to=" + month[1]);
            JsonNode school = get("/api/v1/reports/schools/s-east-01?from=" + month[0] + "&to=" + month[1]);
            analyst.click("stat-read");
            analyst.test("stat-heading");
            WebElement row = analyst.driver().findElement(By.cssSelector("[data-test='stat-school-row'][data-code='s-east-01']"));
            return analyst.text("stat-received").equals(whole.path("totals").path("received").asString())
                    && row.findElement(By.cssSelector("th")).getText().equals("东区第一小学")
                    && row.findElements(By.cssSelector("td")).get(0).getText().equals(school.path("totals").path("received").asString());
        });
        analyst.screenshots("bureau-statistics");
        analyst.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(analyst.driver().findElements(By.cssSelector("header.top")).get(0).isDisplayed()).isFalse();
            assertThat(analyst.driver().findElement(By.cssSelector("[data-test='stat-read']")).isDisplayed()).isFalse();
            analyst.shot("bureau-statistics-print");
        } finally {
            analyst.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /** Whether every chart and its table show the API's figures for the window, read from both just now. */
    private static boolean pageMatchesTheApi(String window, LocalDate[] range) {
        JsonNode api = get("/api/v1/reports/districts/" + DISTRICT + "?from=" + range[0] + "&to=" + range[1]);
        if (!String.valueOf(api.path("totals").path("received").asLong()).equals(analyst.text("received-" + window))) {
            return false;
        }
        if (!overdueMatchesTheApi()) {
            return false;
        }
        for (String dimension : DIMENSIONS) {
            Map<String, Long> expected = new LinkedHashMap<>();
            if (dimension.equals("level")) {
                LEVELS.forEach(level -> expected.put(level, api.path("counts").path("level").path(level).asLong(0)));
            } else {
                api.path("counts").path(dimension).properties().forEach(e -> expected.put(e.getKey(), e.getValue().asLong()));
            }
            Map<String, Long> table = new LinkedHashMap<>();
            for (WebElement row : analyst.driver().findElements(By.cssSelector("[data-test='fig-" + dimension + "-row']"))) {
                table.put(row.getDomAttribute("data-code"), Long.parseLong(row.findElement(By.cssSelector("td"))
                        .getDomProperty("textContent").trim()));
            }
            String series = analyst.driver().findElement(By.cssSelector("[data-test='fig-" + dimension + "-chart']"))
                    .getDomAttribute("data-series");
            List<Long> drawn = series == null ? List.of()
                    : JSON.readTree(series).valueStream().map(JsonNode::asLong).toList();
            if (!table.equals(expected) || !drawn.equals(new ArrayList<>(table.values()))) {
                return false;
            }
        }
        return true;
    }

    /** The overdue list: the API's petitions in its order, each with its days overdue and its department by name. */
    private static boolean overdueMatchesTheApi() {
        JsonNode api = get("/api/v1/reports/districts/" + DISTRICT + "/overdue").path("petitions");
        List<WebElement> rows = analyst.driver().findElements(By.cssSelector("[data-test='overdue-row']"));
        if (rows.size() != api.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode p = api.get(i);
            WebElement row = rows.get(i);
            String department = row.findElement(By.cssSelector("[data-test='overdue-department']")).getText();
            if (!p.path("petitionId").asString().equals(row.getDomAttribute("data-id"))
                    || !row.findElement(By.cssSelector("[data-test='overdue-days']")).getText().equals(p.path("daysOverdue").asLong() + " 天")
                    || department.isBlank() || department.matches("[A-Z_]+")) {
                return false;
            }
        }
        return !rows.isEmpty() || !analyst.driver().findElements(By.cssSelector("[data-test='no-overdue']")).isEmpty();
    }

    private static LocalDate[] range(String window) {
        LocalDate today = LocalDate.now(DISTRICTS_ZONE);
        return switch (window) {
            case "today" -> new LocalDate[] {today, today};
            case "week" -> new LocalDate[] {today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today};
            case "month" -> new LocalDate[] {today.withDayOfMonth(1), today};
            default -> throw new IllegalArgumentException(window);
        };
    }

    /** A petition of 东区第一小学 registered by its clerk through the gateway, with a named petitioner. */
    private static void register(String title) {
        String body = """
                {"channel":"PHONE","form":"INDIVIDUAL","headcount":1,"escalated":false,"anonymous":false,
                 "petitioners":[{"name":"%s","phone":"%s","relation":"PARENT"}],
                 "subject":null,"title":"%s","description":"家长来电反映情况，要求学校答复。","place":null,"riskSignals":[]}"""
                .formatted(PETITIONER, PHONE, title);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(console + "/api/v1/petitions"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token("east-01-clerk"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static JsonNode get(String path) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(console + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token("east-analyst")).GET().build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Tokens live for 30 minutes, longer than this class runs: one per client. */
    private static String token(String client) {
        return TOKENS.computeIfAbsent(client, c -> DemoPeople.tokenOf(c, issuerPort));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The file the browser saved whose name starts so, once complete (Chromium writes .crdownload until then). */
    private static byte[] downloaded(Path folder, String prefix) {
        Path file = analyst.await(d -> {
            try (Stream<Path> files = Files.list(folder)) {
                Optional<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                        && f.getFileName().toString().endsWith(".csv")).findFirst();
                return found.orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String file, String line) {
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
