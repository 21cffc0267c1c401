package io.vpcportal.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The system's Chromium, driven by Playwright. Playwright never downloads a browser here (the build sets
 * {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}); a missing Chromium fails the browser tests with the command that
 * installs it, because a skipped browser test would hide a broken journey.
 */
final class Chromium {

    /** System property naming the Chromium executable; the environment variable {@code CHROMIUM_PATH} works too. */
    static final String PATH_PROPERTY = "portal.test.chromium";
    static final String DEFAULT_PATH = "/usr/bin/chromium";

    /** Flags that keep Chromium off the network and quiet on a headless build machine. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Chromium() {
    }

    static Path executable() {
        String configured = System.getProperty(PATH_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("CHROMIUM_PATH");
        }
        Path path = Path.of(configured == null || configured.isBlank() ? DEFAULT_PATH : configured);
        if (!Files.isExecutable(path)) {
            throw new AssertionError("""
                    The browser tests need Chromium at %s, and it is not there (or not executable).
                    Install it with:   sudo apt-get install -y chromium chromium-driver   (Debian/Ubuntu; .ci/run does this)
                    or point the tests at another Chromium or Chrome:   -D%s=/path/to/chromium   or   CHROMIUM_PATH=/path/to/chromium"""
                    .formatted(path, PATH_PROPERTY));
        }
        return path;
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                .setArgs(FLAGS)
                .setTimeout(120_000));
    }
}
