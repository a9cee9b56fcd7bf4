package org.xinfang.system.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.xinfang.system.LocalStackAccess;

/**
 * The console in a real browser against the whole suite started by {@code ./stack up}: people sign in at the
 * issuer's Chinese page through the gateway, each in a browser of their own. A clerk registers a group petition (and
 * sees a refused field in Chinese without losing what was typed), the leader approves the plan on a phone, the
 * department accepts and answers, the clerk reads the answer, and a clerk of another school finds none of it.
 * Screenshots of each page at desktop and phone size are saved under target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Order(1)
class ConsoleBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String TITLE = "家长反映食堂卫生问题 " + UUID.randomUUID().toString().substring(0, 6);
    private static final String REPLY = "经核查，食堂已完成整改，卫生检查合格，今后每周公示检查结果。";

    private static LocalStackAccess stack;
    private static String console;
    private static String petitionId;

    @BeforeAll
    static void startTheSuite() {
        stack = LocalStackAccess.sharedUnlessRunning();
        // The host the issuer sends people back to: the console's own origin.
        console = "http://localhost:" + stack.port("GATEWAY_PORT");
    }

    @Test
    @Order(1)
    void aBrowserThatIsNotSignedInGetsTheChineseSignInPage() {
        try (Browser browser = new Browser(Browser.DESKTOP, SCREENSHOTS)) {
            browser.open(console + "/console/desk");
            browser.visible(By.id("username"));
            assertThat(browser.driver().getCurrentUrl()).startsWith("http://localhost:" + stack.port("ISSUER_PORT") + "/login");
            assertThat(browser.visible(By.cssSelector("label[for=username]")).getText()).isEqualTo("账号");
            assertThat(browser.visible(By.cssSelector("label[for=password]")).getText()).isEqualTo("密码");
            assertThat(browser.driver().manage().getCookies()).noneMatch(c -> c.getValue().startsWith("eyJ"));
            browser.screenshots("sign-in");

            browser.type(By.id("username"), "east-01-clerk");
            browser.type(By.id("password"), "not-the-password");
            browser.visible(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.visible(By.cssSelector("[role=alert]")).getText()).contains("账号或密码不正确");
        }
    }

    @Test
    @Order(2)
    void theClerkRegistersAGroupPetitionAndSeesWhereItWent() {
        try (Browser clerk = signedIn("east-01-clerk", Browser.DESKTOP)) {
            clerk.open(console + "/console/desk");
            clerk.click("form-GROUP");
            clerk.type(By.id("headcount"), "12");
            clerk.click("add-representative");
            clerk.type(By.id("name-0"), "张某");
            clerk.type(By.id("phone-0"), "13800000000");
            clerk.type(By.id("name-1"), "李某");
            clerk.type(By.id("phone-1"), "12");
            clerk.click("risk-BLOCKING");
            new Select(clerk.visible(By.id("subject"))).selectByValue("HYGIENE");
            clerk.type(By.id("description"), "十余名家长在校门口聚集，反映学校食堂卫生条件差。");
            clerk.type(By.id("place"), "学校正门");

            // Without a title and with a bad phone: refused, in Chinese next to the fields, nothing typed is lost.
            clerk.click("submit");
            assertThat(clerk.text("error-title")).isEqualTo("此项必填");
            assertThat(clerk.text("failure")).contains("已填写的内容均已保留");
            assertThat(clerk.visible(By.id("description")).getDomProperty("value")).contains("十余名家长");
            assertThat(clerk.visible(By.id("name-1")).getDomProperty("value")).isEqualTo("李某");
            clerk.screenshots("desk-refused");

            clerk.type(By.id("phone-1"), "13900000000");
            clerk.type(By.id("title"), TITLE);
            clerk.click("submit");
            assertThat(clerk.text("routing-department")).isEqualTo("后勤处");
            assertThat(clerk.text("routing-level")).isEqualTo("较大（Ⅲ级）");
            assertThat(clerk.text("routing-accept-by")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 24:00");
            String href = clerk.test("open-registered").getDomAttribute("href");
            petitionId = href.substring(href.lastIndexOf('/') + 1);
            clerk.screenshots("desk-routed");
        }
    }

    @Test
    @Order(3)
    void theLeaderApprovesThePlanOnAPhone() {
        assertThat(petitionId).as("the petition the clerk registered in the test before").isNotNull();
        try (Browser leader = signedIn("east-01-leader", Browser.PHONE)) {
            leader.open(console + "/console/leader");
            leader.test("emergency-" + petitionId);
            assertThat(leader.text("emergency-number-" + petitionId)).matches("东区一小〔\\d{4}〕\\d+号");
            assertThat(leader.text("live")).isEqualTo("实时");
            leader.screenshots("leader-request");
            leader.type(By.cssSelector("[data-test='emergency-" + petitionId + "'] textarea"), "同意启动，后勤处立即到场");
            leader.click("approve");
            leader.await(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-test='emergency-" + petitionId + "'] [data-test=activation]"), "已批准启动"));
            leader.screenshots("leader-approved");
        }
    }

    @Test
    @Order(4)
    void theDepartmentAcceptsAndAnswersWithoutSeeingWhoComplained() {
        assertThat(petitionId).as("the petition the clerk registered in the test before").isNotNull();
        try (Browser logistics = signedIn("east-01-logistics", Browser.DESKTOP)) {
            logistics.open(console + "/console/inbox");
            logistics.visible(By.cssSelector("[data-test='row-" + petitionId + "'] a")).click();
            assertThat(logistics.text("petition-title")).isEqualTo(TITLE);
            assertThat(logistics.text("petitioners")).contains("身份信息按规定不向承办部门显示").doesNotContain("张某");
            assertThat(logistics.driver().getPageSource()).doesNotContain("13800000000");

            step(logistics, "accept", null);
            assertThat(logistics.text("petition-state")).isEqualTo("已受理");
            step(logistics, "start", null);
            logistics.click("action-resolve");
            logistics.click("step-confirm");
            assertThat(logistics.text("error-reply")).isEqualTo("请填写书面答复");
            logistics.type(By.cssSelector("[data-test=step-reply]"), REPLY);
            logistics.click("step-confirm");
            logistics.await(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-test=petition-state]"), "已办结"));
            logistics.screenshots("department-answered");
            logistics.open(console + "/console/inbox");
            logistics.visible(By.cssSelector("h1"));
            logistics.screenshots("department-inbox");
        }
    }

    @Test
    @Order(5)
    void theClerkReadsTheAnswer() {
        try (Browser clerk = signedIn("east-01-clerk", Browser.DESKTOP)) {
            clerk.open(console + "/console/petitions/" + petitionId);
            assertThat(clerk.text("reply")).isEqualTo(REPLY);
            assertThat(clerk.text("petition-state")).isEqualTo("已办结");
            assertThat(clerk.text("petitioners")).contains("张某 13800000000", "李某 13900000000");
            assertThat(clerk.text("timeline")).contains("已受理", "办理中", "已办结", "何建平");
            clerk.screenshots("clerk-answer");
            clerk.open(console + "/console/register");
            clerk.visible(By.cssSelector("[data-test='row-" + petitionId + "']"));
            clerk.screenshots("register");
        }
    }

    @Test
    @Order(6)
    void aClerkOfAnotherSchoolFindsNoneOfIt() {
        try (Browser other = signedIn("east-02-clerk", Browser.DESKTOP)) {
            other.open(console + "/console/register");
            other.visible(By.cssSelector("h1"));
            other.await(d -> !d.findElements(By.cssSelector("[data-test=petition-list], [data-test=register-empty]")).isEmpty());
            assertThat(other.driver().getPageSource()).doesNotContain(TITLE);
            other.open(console + "/console/petitions/" + petitionId);
            assertThat(other.text("petition-failure")).isEqualTo("没有找到该事项");
            assertThat(other.driver().getPageSource()).doesNotContain(TITLE).doesNotContain(REPLY);
            other.screenshots("other-school");
        }
    }

    @Test
    @Order(7)
    void signingOutEndsTheSessionAtTheGatewayAndTheIssuer() {
        try (Browser clerk = signedIn("east-01-clerk", Browser.DESKTOP)) {
            clerk.open(console + "/console/desk");
            clerk.click("sign-out");
            clerk.visible(By.id("username"));
            clerk.open(console + "/console/desk");
            assertThat(clerk.visible(By.id("username")).isDisplayed()).as("asked to sign in again").isTrue();
        }
    }

    /**
     * How long the desk takes to be usable when its files are not cached: from navigation to the first view rendered
     * (the console's own performance mark), written to target/console-first-view.txt for BENCHMARKS.md. Not asserted
     * against a time: the machines that run this are shared.
     */
    @Test
    @Order(8)
    void theFirstPageIsMeasuredFromACleanCache() throws Exception {
        try (Browser clerk = signedIn("east-01-clerk", Browser.DESKTOP)) {
            StringBuilder lines = new StringBuilder();
            for (int round = 1; round <= 3; round++) {
                ((org.openqa.selenium.chrome.ChromeDriver) clerk.driver()).executeCdpCommand("Network.clearBrowserCache",
                        java.util.Map.of());
                clerk.open(console + "/console/desk");
                clerk.test("submit");
                Object firstView = clerk.await(d -> ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "const m = performance.getEntriesByName('xinfang:first-view')[0]; return m ? m.startTime : null"));
                Object interactive = ((org.openqa.selenium.JavascriptExecutor) clerk.driver()).executeScript(
                        "return performance.getEntriesByType('navigation')[0].domInteractive");
                lines.append("round ").append(round).append(": DOM interactive ").append(Math.round(((Number) interactive).doubleValue()))
                        .append(" ms, first view rendered ").append(Math.round(((Number) firstView).doubleValue())).append(" ms\n");
            }
            java.nio.file.Files.writeString(Path.of("target/console-first-view.txt"), lines);
            assertThat(lines).contains("round 3");
        }
    }

    /** The gate register: a visit is written down first, refused in Chinese when wrong, and becomes its petition. */
    @Test
    @Order(9)
    void theClerkLogsAVisitAtTheGateAndMakesItAPetition() {
        String purpose = "家长反映校车接送时间不合理 " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser clerk = signedIn("east-01-clerk", Browser.DESKTOP)) {
            clerk.open(console + "/console/gate");
            clerk.type(By.id("gate-name"), "赵某");
            clerk.type(By.id("gate-phone"), "12");
            clerk.type(By.cssSelector("#gate-purpose"), purpose);
            clerk.click("gate-save");
            assertThat(clerk.text("gate-error-phone")).isEqualTo("请填写 3 至 20 位电话号码");
            assertThat(clerk.visible(By.id("gate-purpose")).getDomProperty("value")).isEqualTo(purpose);

            clerk.type(By.id("gate-phone"), "13700000000");
            clerk.click("gate-save");
            clerk.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=gate-list]"), purpose));
            clerk.screenshots("gate");
            String row = clerk.driver().findElement(By.xpath("//tr[td[contains(., '" + purpose + "')]]")).getDomAttribute("data-test");
            String visitId = row.substring("visit-".length());
            clerk.click("visit-become-" + visitId);

            assertThat(clerk.text("from-visit")).contains("来访");
            assertThat(clerk.visible(By.id("name-0")).getDomProperty("value")).isEqualTo("赵某");
            assertThat(clerk.visible(By.id("description")).getDomProperty("value")).isEqualTo(purpose);
            clerk.type(By.id("title"), "校车接送时间");
            clerk.click("submit");
            assertThat(clerk.text("routing-department")).isNotBlank();
            clerk.screenshots("desk-from-gate");

            clerk.open(console + "/console/gate");
            clerk.test("visit-petition-" + visitId);
        }
    }

    private static void step(Browser browser, String action, String reply) {
        browser.click("action-" + action);
        browser.click("step-confirm");
        browser.test("step-done");
    }

    /** A fresh browser of one person, signed in through the issuer's page. */
    private static Browser signedIn(String user, Dimension size) {
        return SignIn.as(console, user, size, SCREENSHOTS);
    }
}
