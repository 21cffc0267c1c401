package io.vpcportal.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.webjars.WebJarVersionLocator;

/**
 * axe-core (the version pinned in the pom, from its webjar) run inside the page as it is shown. Fails on any
 * violation of impact "serious" or "critical": those keep people who use a screen reader, a keyboard or a
 * magnifier out of a journey. Moderate and minor ones are printed, not failed.
 */
final class Accessibility {

    private static final String AXE = load();

    /** Runs axe and returns each violation, keyed by rule, with impact, help, url and the offending nodes. */
    private static final String RUN = """
            async () => {
              const result = await axe.run(document, {resultTypes: ['violations']});
              if (result.passes.length === 0) throw new Error('axe checked nothing: ' + JSON.stringify(result.testEngine));
              return result.violations.map(v => ({
                id: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => n.target.join(' ') + '  ' + n.html.substring(0, 160).replace(/\\s+/g, ' ')
                    + '\\n        ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
              }));
            }""";

    private Accessibility() {
    }

    /** Checks the page in its current state; {@code name} says which page in the failure message. */
    @SuppressWarnings("unchecked")
    static void check(Page page, String name) {
        // a function declaration is not subject to the page's Content-Security-Policy, unlike a script tag
        page.evaluate("() => { if (!window.axe) {\n" + AXE + "\n} }");
        // the page as it settles: a colour caught mid-transition (a button the mouse has just clicked fades to its
        // hover colour in 0.15 s) is no colour a reader is left with; endless animations (spinners) are not waited for
        page.evaluate("() => Promise.all(document.getAnimations()"
                + ".filter(a => Number.isFinite(a.effect?.getComputedTiming().endTime))"
                + ".map(a => a.finished.catch(() => null)))");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(RUN);
        List<Map<String, Object>> blocking = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .toList();
        if (!violations.isEmpty() && blocking.isEmpty()) {
            System.out.println("axe on " + name + " (not failing): " + describe(violations));
        }
        if (!blocking.isEmpty()) {
            throw new AssertionError("axe found " + blocking.size() + " serious or critical accessibility violation(s) on "
                    + name + " (" + page.url() + "):\n" + describe(blocking));
        }
    }

    @SuppressWarnings("unchecked")
    private static String describe(List<Map<String, Object>> violations) {
        return violations.stream().map(v -> "  [" + v.get("impact") + "] " + v.get("id") + ": " + v.get("help")
                        + " (" + v.get("helpUrl") + ")\n"
                        + ((List<String>) v.get("nodes")).stream().map(n -> "      " + n).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String load() {
        String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
        if (path == null) {
            throw new AssertionError("axe-core is not on the test classpath: the pom's org.webjars.npm:axe-core is missing");
        }
        try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("axe-core's " + path + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
