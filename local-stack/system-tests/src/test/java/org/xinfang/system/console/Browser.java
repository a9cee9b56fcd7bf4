package org.xinfang.system.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium driven by its own chromedriver, with its own cookies, at a desktop
 * or a phone's size. Every wait is for something on the page, never for a fixed time.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension TABLET = new Dimension(820, 1180);
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final NetworkLog network = new NetworkLog();
    private final Path screenshots;
    private final Dimension size;

    private String label = "browser";

    Browser named(String label) {
        this.label = label;
        return this;
    }

    Browser(Dimension size, Path screenshots) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium, chromium-driver and "
                    + "fonts-noto-cjk: apt-get install -y chromium chromium-driver fonts-noto-cjk (.ci/run does this)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=zh-CN", "--window-size=" + size.getWidth() + "," + size.getHeight(), "--hide-scrollbars");
        // A navigation returns once the document is parsed: every step then waits for what it needs on the page, and
        // a request that hangs (a font, a live stream) cannot hold the driver's command past its own timeout.
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        // The browser's own network log: when a wait runs out, the requests still unanswered say which hop hung.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().window().setSize(size);
        // Below the driver client's own 3-minute read timeout: a page that does not come is reported by the browser,
        // with where it was, rather than by a client that stopped waiting.
        this.driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        this.screenshots = screenshots;
        this.size = size;
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        network.forget(driver);
        driver.get(url);
    }

    <T> T await(Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        // Where the browser was when the wait ran out, and what it was still waiting for: the page's address says
        // which hop of a redirect chain hung, the unanswered requests which file or call.
        wait.withMessage(() -> "at " + driver.getCurrentUrl() + " (" + driver.getTitle() + "); "
                + network.unanswered(driver));
        return wait.until(condition);
    }

    WebElement visible(By by) {
        return await(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement test(String name) {
        return visible(By.cssSelector("[data-test='" + name + "']"));
    }

    void click(String name) {
        WebElement element = await(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='" + name + "']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Replaces what a field holds as a person would (select all, delete, type), so the page sees every key. */
    void type(By by, String text) {
        WebElement field = visible(by);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    String text(String name) {
        return test(name).getText();
    }

    /** The page as a person sees it, at desktop and at phone size, under target/screenshots. */
    void screenshots(String page) {
        Dimension before = driver.manage().window().getSize();
        shot(page + "-" + (size.equals(PHONE) ? "phone" : "desktop"));
        Dimension other = size.equals(PHONE) ? DESKTOP : PHONE;
        driver.manage().window().setSize(other);
        shot(page + "-" + (other.equals(PHONE) ? "phone" : "desktop"));
        driver.manage().window().setSize(before);
    }

    /** Files the page downloads are saved in {@code folder}, without asking. */
    void downloadsTo(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", folder.toAbsolutePath().toString()));
    }

    /** The whole page, not only what fits the window (Chrome's own capture beyond the viewport). */
    void shot(String name) {
        try {
            Files.createDirectories(screenshots);
            Number width = (Number) driver.executeScript("return document.documentElement.clientWidth");
            Number height = (Number) driver.executeScript(
                    "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height",
                            Math.min(height.intValue(), 6000), "scale", 1)));
            Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page as it was last, whatever happened: the first thing to look at when a test fails. */
    @Override
    public void close() {
        try {
            shot("last-" + label);
        } catch (RuntimeException e) {
            // the browser may already be gone; closing it matters more
        } finally {
            driver.quit();
        }
    }
}
