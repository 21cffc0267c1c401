package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README stays short, and every relative link in it and in {@code docs/} leads somewhere: the file exists, and a
 * {@code #anchor} names a heading of that file (GitHub's heading ids) or an explicit {@code id}/{@code name}.
 */
class DocsLinksTests {

    static final int README_LIMIT = 12 * 1024;

    /** {@code [text](target)} and {@code ![alt](target)}, target without spaces, optional "title". */
    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REFERENCE = Pattern.compile("^\\s*\\[[^\\]]+\\]:\\s+<?(\\S+?)>?(?:\\s+.*)?$");
    private static final Pattern HTML_TARGET = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
    private static final Pattern EXPLICIT_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void theReadmeIsAtMost12KB() throws IOException {
        assertThat(Files.size(Path.of("README.md"))).as("README.md bytes").isLessThanOrEqualTo(README_LIMIT);
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolves() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            for (String target : links(file)) {
                checked++;
                String problem = problem(file, target);
                if (problem != null) {
                    broken.add(file + ": " + target + " (" + problem + ")");
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(10);
        assertThat(broken).as("links that do not resolve").isEmpty();
    }

    @Test
    void aBrokenLinkOrAnchorIsFound() throws IOException {
        Path dir = Files.createTempDirectory("docs-links");
        Path page = dir.resolve("page.md");
        Files.writeString(page, """
                # A title
                ## Second part: the "details"
                <a id="kept"></a>
                See [here](#second-part-the-details), [kept](#kept), [gone](#nowhere), [missing](other.md),
                [self](page.md#a-title) and [web](https://example.org/x).
                ```
                [in code](ignored.md)
                ```
                """);
        List<String> problems = links(page).stream().map(t -> t + " " + problem(page, t)).toList();
        assertThat(problems).containsExactly("#second-part-the-details null", "#kept null",
                "#nowhere no heading or anchor 'nowhere' in page.md", "other.md no such file",
                "page.md#a-title null");
    }

    /** The targets of the links in a Markdown file, outside fenced code blocks and code spans, without web ones. */
    private static List<String> links(Path file) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(file)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            String text = line.replaceAll("`[^`]*`", "");
            for (Pattern pattern : List.of(LINK, HTML_TARGET)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    targets.add(m.group(1));
                }
            }
            Matcher ref = REFERENCE.matcher(text);
            if (ref.matches()) {
                targets.add(ref.group(1));
            }
        }
        return targets.stream().filter(t -> !t.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")).toList();
    }

    /** Why a relative link does not resolve, or {@code null}. */
    private String problem(Path from, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        Path dir = from.toAbsolutePath().getParent();
        Path resolved = file.isEmpty() ? from.toAbsolutePath()
                : dir.resolve(URLDecoder.decode(file, StandardCharsets.UTF_8)).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor == null || anchor.isEmpty() || !resolved.toString().endsWith(".md")) {
            return null;
        }
        return anchorsOf(resolved).contains(anchor) ? null
                : "no heading or anchor '" + anchor + "' in " + resolved.getFileName();
    }

    private Set<String> anchorsOf(Path markdown) {
        return anchors.computeIfAbsent(markdown, p -> {
            Set<String> ids = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean fenced = false;
            try {
                for (String line : Files.readAllLines(p)) {
                    if (line.strip().startsWith("```")) {
                        fenced = !fenced;
                        continue;
                    }
                    if (fenced) {
                        continue;
                    }
                    Matcher explicit = EXPLICIT_ANCHOR.matcher(line);
                    while (explicit.find()) {
                        ids.add(explicit.group(1));
                    }
                    Matcher heading = HEADING.matcher(line);
                    if (heading.matches()) {
                        String slug = slug(heading.group(2));
                        int n = seen.merge(slug, 1, Integer::sum);
                        ids.add(n == 1 ? slug : slug + "-" + (n - 1));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return ids;
        });
    }

    /** GitHub's heading id: lower case, markup and punctuation dropped (not hyphens or underscores), spaces as hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "")
                .replace("`", "").replace("*", "");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
