package io.dashshare.bootstrap.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its ChromeDriver, one per test class. Both binaries are
 * required: without them the tests fail with instructions (CI installs them), never skip. Files
 * the pages download land in {@link #downloads()}, a directory of the temporary profile.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 1000);
    static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    public static Browser start() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: the browser tests need Debian's Chromium and its driver. "
                        + "Install them with `apt-get update && apt-get install -y chromium chromium-driver` "
                        + "(.ci/run does this on CI).");
            }
        }
        try {
            Path profile = Files.createTempDirectory("viewer-chromium-");
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            ChromeOptions options = new ChromeOptions();
            // Downloads go to the profile's directory without asking, as a user who said "always save" would have them.
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "download.directory_upgrade", true));
            options.setBinary(CHROMIUM.toFile());
            // The page's console, for tests that check a page logs no error (consoleErrors()).
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            // The machine has no network: without the background-networking flags Chromium keeps
            // trying to reach Google's hosts.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--disable-default-apps", "--user-data-dir=" + profile, "--window-size=1280,1000",
                    "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().window().setSize(DESKTOP);
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toString(), "eventsEnabled", false));
            return new Browser(driver, profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.manage().window().setSize(DESKTOP);
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public <T> T waitFor(String what, Function<WebDriver, T> condition) {
        return waitFor(what, Duration.ofSeconds(20), condition);
    }

    public <T> T waitFor(String what, Duration timeout, Function<WebDriver, T> condition) {
        // Lists re-render while a condition reads them: a stale element means "look again".
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits until the element exists and is displayed. */
    public WebElement waitVisible(String css) {
        return waitFor("visible: " + css, d -> d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /**
     * What the page logged at SEVERE since the last call (script errors, CSP refusals, failed loads),
     * as "source: message". A refused API call is the browser's "Failed to load resource" with source
     * {@code network}: {@code withRefusedApiCalls} false leaves those out, for pages that show a refusal on purpose.
     */
    public List<String> consoleErrors(boolean withRefusedApiCalls) {
        return driver.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage())
                .filter(m -> withRefusedApiCalls || !(m.contains("/api/") && m.contains("Failed to load resource")))
                .toList();
    }

    /** Every URL the current page loaded or fetched (the Resource Timing entries), the page itself first. */
    @SuppressWarnings("unchecked")
    public List<String> requestedUrls() {
        return (List<String>) js("return [location.href, ...performance.getEntriesByType('resource').map(e => e.name)]");
    }

    public Path downloads() {
        return downloads;
    }

    /** Waits until the download {@code name} is complete (no partial file left) and answers its path. */
    public Path awaitDownload(String name) {
        Path file = downloads.resolve(name);
        return waitFor("downloaded: " + name, Duration.ofSeconds(30), d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                boolean partial = files.anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
                return !partial && Files.isRegularFile(file) ? file : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Forgets earlier downloads, so that the next one is not saved as "name (1).csv". */
    public void clearDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            files.forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a PNG of the viewport under target/screenshots/ for a reviewer to look at. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page: the window grows to the document's height first. */
    public Path fullPageScreenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) js("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(height.intValue() + 140, 4000)));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temp profile is harmless.
            }
        }
    }
}
