package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.vpcportal.PortalApi;
import io.vpcportal.PortalIntegrationTest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the portal of {@link PortalIntegrationTest} (demo data, plan-only AWS, the context
 * the API tests share, so no extra PostgreSQL) driven by the system's Chromium. One browser per test class, a
 * fresh browser context (cookies, storage) per test. Timeouts are generous and nothing sleeps: Playwright waits
 * for elements and assertions, which keeps the tests steady on a busy two-core machine.
 *
 * <p>Page objects ({@link CatalogPage}, {@link RequestFormPage}, …) wrap what a journey does on one page; a new
 * journey (inventory, savings) adds its page object and a {@code …BrowserTests} class extending this one.
 */
@PortalIntegrationTest
public abstract class BrowserTest {

    /** Desktop size of the screenshots in the README. */
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;
    /** The narrowest phone the pages must fit without horizontal scrolling. */
    static final int PHONE_WIDTH = 375;
    static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    protected BrowserContext context;
    protected Page page;
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();
    private final List<ExpectedFailure> expectedFailures = new CopyOnWriteArrayList<>();

    /** An answer of status {@code status} to a path matching {@code path} that a test provokes on purpose. */
    private record ExpectedFailure(int status, Pattern path) {
    }

    @BeforeAll
    static void launchChromium() {
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void closeChromium() {
        if (playwright != null) {
            playwright.close(); // closes the browser too
        }
        playwright = null;
        browser = null;
    }

    @BeforeEach
    void openContext() {
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertThat(pageErrors).as("console errors, script errors, failed requests and error answers in the pages "
                + "this test visited (declare a deliberate one with expectFailure)").isEmpty();
        expectedFailures.clear();
    }

    /**
     * Declares that this test provokes an answer of {@code status} on a path matching {@code pathRegex} (the whole
     * path and query, e.g. {@code /requests/new}), so that the end-of-test check does not count it as a failure.
     */
    protected void expectFailure(int status, String pathRegex) {
        expectedFailures.add(new ExpectedFailure(status, Pattern.compile(pathRegex)));
    }

    private boolean expected(int status, String url) {
        String path = url.startsWith(baseUrl()) ? url.substring(baseUrl().length()) : url;
        return expectedFailures.stream().anyMatch(e -> e.status() == status && e.path().matcher(path).matches());
    }

    /** Another signed-out browser window with its own cookies, e.g. for a second user. */
    protected BrowserContext newContext() {
        return newContext(true);
    }

    /** A window with JavaScript off: every page must still work as plain links and forms. */
    protected BrowserContext newContext(boolean javaScript) {
        BrowserContext created = browser.newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(javaScript)
                .setBaseURL("http://127.0.0.1:" + port)
                .setViewportSize(WIDTH, HEIGHT)
                .setLocale("en-GB")
                .setTimezoneId("UTC"));
        created.setDefaultTimeout(60_000);
        created.setDefaultNavigationTimeout(90_000);
        created.onPage(opened -> {
            opened.onPageError(error -> pageErrors.add(opened.url() + ": " + error));
            opened.onConsoleMessage(message -> {
                // an error answer is logged as "Failed to load resource"; the response listener judges those
                if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                    pageErrors.add(opened.url() + ": console error: " + message.text());
                }
            });
        });
        created.onResponse(response -> {
            if (response.status() >= 400 && !expected(response.status(), response.url())) {
                pageErrors.add(response.request().method() + " " + response.url() + " answered " + response.status());
            }
        });
        created.onRequestFailed(request -> {
            // ERR_ABORTED: the browser dropped it on purpose (the page navigated on, a download replaced a load)
            String failure = request.failure();
            if (failure == null || !failure.contains("ERR_ABORTED")) {
                pageErrors.add(request.method() + " " + request.url() + " failed: " + failure);
            }
        });
        return created;
    }

    protected PortalApi api() {
        return new PortalApi(port);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Signs in on the login form as a demo user and lands on the start page. */
    protected Page signIn(String username) {
        return signIn(page, username);
    }

    protected Page signIn(Page on, String username) {
        on.navigate("/login");
        on.getByLabel("Username").fill(username);
        on.getByLabel("Password").fill(PortalApi.DEMO_PASSWORD);
        on.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(on).not().hasURL(Pattern.compile(".*/login.*"));
        return on;
    }

    /** Saves what the window shows (not the whole page) as {@code docs/screenshots/<name>.png} for the README. */
    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    /** Like {@link #screenshot(String)}, with the window scrolled so that {@code selector} is at its top. */
    protected void screenshotFrom(String name, String selector) {
        // instant: Bootstrap scrolls smoothly, and the picture would catch the page half-way
        page.locator(selector).first().evaluate("e => e.scrollIntoView({block: 'start', behavior: 'instant'})");
        screenshot(name);
    }

    /** axe-core finds no serious or critical violation on the page as it is now. */
    protected void checkAccessibility(String name) {
        Accessibility.check(page, name);
    }

    /** At phone width nothing makes the page scroll sideways; names the elements that stick out when it does. */
    protected void checkPhoneWidth(String name) {
        page.setViewportSize(PHONE_WIDTH, 800);
        try {
            Object overflow = page.evaluate("""
                    () => {
                      const width = document.documentElement.clientWidth;
                      const scrolled = document.documentElement.scrollWidth;
                      if (scrolled <= width) return [];
                      const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                          if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
                      const out = e => e.getBoundingClientRect().right > width + 1;
                      const culprits = [...document.querySelectorAll('body *')]
                        .filter(e => out(e) && !out(e.parentElement) && !clipped(e))
                        .slice(0, 8)
                        .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')
                                  + ' "' + (e.textContent || '').trim().substring(0, 40) + '" right='
                                  + Math.round(e.getBoundingClientRect().right));
                      return culprits.length ? culprits : ['the document is ' + scrolled + ' px wide'];
                    }""");
            assertThat((List<?>) overflow).as("%s at %d px wide scrolls sideways; sticking out", name, PHONE_WIDTH).isEmpty();
        } finally {
            page.setViewportSize(WIDTH, HEIGHT);
        }
    }

    /** The usual checks of a main page: accessibility, phone width, and its screenshot when named. */
    protected void checkPage(String name, String screenshot) {
        checkAccessibility(name);
        checkPhoneWidth(name);
        if (screenshot != null) {
            screenshot(screenshot);
        }
    }
}
