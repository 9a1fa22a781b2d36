package th.integrity.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a fresh profile, and the few
 * things every test does with it: wait for the single page to be ready, switch language, fill fields, take
 * screenshots into {@code target/screenshots/}, read the browser's console (a CSP violation shows there).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    /** Skips the calling test, with the reason, when Chromium or its driver is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipping browser tests: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing. Install them with "
                        + "'apt-get install chromium chromium-driver fonts-thai-tlwg' (.ci/run does).");
    }

    Browser(int width, int height) {
        assumeInstalled();
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=th-TH");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, WAIT);
        // Pages re-render parts of themselves after each call: an element found a moment ago may go stale.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    Browser() {
        this(1280, 1000);
    }

    /** Opens a URL and waits until the page has rendered its route. */
    Browser open(String url) {
        // A fresh load every time: the same URL with only the hash unchanged would keep the old page.
        driver.get("about:blank");
        driver.get(url);
        ready();
        return this;
    }

    /** Goes to a hash route of the already loaded page, e.g. {@code #/track}, and waits for it. */
    Browser route(String hash) {
        js("window.location.hash = arguments[0];", hash);
        ready();
        return this;
    }

    void ready() {
        wait.until(d -> "true".equals(js("return document.documentElement.dataset.ready || ''"))
                && !"true".equals(js("return document.getElementById('main').getAttribute('aria-busy') || ''")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String lang() {
        return (String) js("return document.documentElement.lang");
    }

    void useLanguage(String lang) {
        if (!lang.equals(lang())) {
            driver.findElement(By.id("lang-switch")).click();
            wait.until(d -> lang.equals(lang()));
        }
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The input, select or textarea whose label (in the current language) is {@code label}. */
    WebElement field(String form, String name) {
        return find(form + " [data-field=\"" + name + "\"] input, " + form + " [data-field=\"" + name + "\"] select, "
                + form + " [data-field=\"" + name + "\"] textarea");
    }

    void type(String form, String name, String text) {
        WebElement element = field(form, name);
        element.clear();
        element.sendKeys(text);
    }

    void choose(String form, String name, String value) {
        new Select(field(form, name)).selectByValue(value);
    }

    /** Sets a date input through its value (typing dates depends on the browser's locale). */
    void date(String form, String name, String isoDate) {
        WebElement element = field(form, name);
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, isoDate);
    }

    void submit(String form) {
        find(form + " button[type=submit]").click();
    }

    void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Saves a full-page screenshot as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
            Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(before.width, (int) Math.min(Math.max(height, before.height), 6000)));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(before);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Screenshots of the current page in Thai and in English, then back to the language it was in. */
    void screenshots(String name) {
        String was = lang();
        useLanguage("th");
        screenshot(name + "-th");
        useLanguage("en");
        screenshot(name + "-en");
        useLanguage(was);
    }

    /** One picture of the screenshot set: its file and the page's main heading when it was taken. */
    record Shot(Path file, String lang, int width, String heading) {
    }

    /**
     * The screenshot set's two pictures of what this browser shows (issue 17): in Thai at 360 px wide, saved as
     * {@code target/screenshots/th-360-{name}.png}, and in English at 1280 px, {@code en-1280-{name}.png}; the page
     * is laid out again at each width. {@code element} is null for the whole page, else the CSS selector of the one
     * element to picture (the infographic). {@code inLanguage} shows the page in a language: the UI's switch for
     * the single-page app ({@link #useLanguage}), another address for a document the services render. Afterwards
     * the window has its width and the page its language again.
     */
    List<Shot> screenshotSet(String name, String element, java.util.function.Consumer<String> inLanguage) {
        String was = lang();
        Dimension before = driver.manage().window().getSize();
        try {
            return List.of(shot(name, element, inLanguage, "th", 360), shot(name, element, inLanguage, "en", 1280));
        } finally {
            driver.manage().window().setSize(before);
            if (was != null && !was.isBlank()) {
                inLanguage.accept(was);
            }
        }
    }

    /** {@link #screenshotSet(String, String, java.util.function.Consumer)} of a page of the single-page app. */
    List<Shot> screenshotSet(String name, String element) {
        return screenshotSet(name, element, this::useLanguage);
    }

    private Shot shot(String name, String element, java.util.function.Consumer<String> inLanguage, String lang, int width) {
        viewportWidth(width);
        inLanguage.accept(lang);
        String prefix = lang + "-" + width + "-" + name;
        String heading = (String) js("const h = document.querySelector('h1') || document.querySelector('h2, caption, title');"
                + "return h ? h.textContent.trim().replace(/\\s+/g, ' ') : ''");
        Path file;
        if (element == null) {
            file = screenshot(prefix);
        } else {
            try {
                Files.createDirectories(SCREENSHOTS);
                WebElement picture = find(element);
                js("arguments[0].scrollIntoView({block: 'center'})", picture);
                file = Files.write(SCREENSHOTS.resolve(prefix + ".png"), picture.getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Shot(file, lang, width, heading);
    }

    /** Resizes the window so that the page's viewport (not the window's frame) is {@code width} CSS pixels wide. */
    void viewportWidth(int width) {
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, size.height));
        long inner = ((Number) js("return window.innerWidth")).longValue();
        if (inner != width) {
            driver.manage().window().setSize(new Dimension((int) (width + (width - inner)), size.height));
        }
        wait.until(d -> ((Number) js("return window.innerWidth")).longValue() == width);
    }

    /** Severe console entries since the last call: script errors and Content-Security-Policy violations. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // An API's 4xx answer (a validation error the page shows) is logged too: not a script error.
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
    }

    /** Whether the page can be scrolled sideways (it must not, at any width down to 360 px). */
    boolean scrollsSideways() {
        return (Boolean) js("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    /**
     * Words that the layout broke across lines inside the elements matching {@code css}: each word (the browser's
     * own Intl.Segmenter, which knows Thai words) whose text spans more than one line. Empty when every word stays
     * whole.
     */
    @SuppressWarnings("unchecked")
    List<String> wordsBrokenAcrossLines(String css) {
        return (List<String>) js("""
                const broken = [];
                for (const cell of document.querySelectorAll(arguments[0])) {
                  const language = cell.closest('[lang]')?.lang || 'th';
                  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
                  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const { segment, index, isWordLike } of segmenter.segment(node.data)) {
                      if (!isWordLike || segment.length < 2) continue;
                      const range = document.createRange();
                      range.setStart(node, index);
                      range.setEnd(node, index + segment.length);
                      const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
                      if (lines.size > 1) broken.push(segment);
                    }
                  }
                }
                return broken;""", css);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
