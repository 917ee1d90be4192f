package cn.lianluo.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link and image of the project's documents lands on a file of the repository: README.md, every
 * Markdown file under docs/ and deploy/k8s/README.md. A link {@code file.md#anchor} (or {@code #anchor} inside one
 * file) must name a heading of that file, by GitHub's rule for heading anchors: the heading's text in lower case,
 * punctuation dropped (letters of any script, digits, '-' and '_' kept, so Chinese stays), each space a '-', and a
 * repeated heading numbered {@code -1}, {@code -2} …. Links to other sites (http:, https:, mailto:) are not followed.
 * Code (fenced blocks and `spans`) is not read: a path shown as code is an example, not a link.
 */
class DocsLinksTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** {@code [text](target "title")} and {@code ![alt](target)}; the text may run over lines. */
    static final Pattern INLINE = Pattern.compile("!?\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    /** A reference definition {@code [id]: target}. */
    static final Pattern REFERENCE = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
    /** {@code <img src="…">} and {@code <a href="…">}. */
    static final Pattern HTML = Pattern.compile("<(?:img|a)\\s[^>]*?(?:src|href)=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    /** An explicit anchor {@code <a id="…">} or {@code <a name="…">}. */
    static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*?(?:id|name)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    record Link(Path from, int line, String target) {
        @Override
        public String toString() {
            return ROOT.relativize(from) + ":" + line + " → " + target;
        }
    }

    /** The documents whose links must resolve. */
    static List<Path> documents(Path root) throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        Path k8s = root.resolve("deploy/k8s/README.md");
        if (Files.exists(k8s)) {
            docs.add(k8s);
        }
        try (Stream<Path> walk = Files.walk(root.resolve("docs"))) {
            walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The text without fenced code blocks and code spans; each removed character but a newline becomes a space. */
    static String prose(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            String stripped = line.stripLeading();
            if (fence == null && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                fence = stripped.substring(0, 3);
                out.append('\n');
                continue;
            }
            if (fence != null) {
                if (stripped.startsWith(fence)) {
                    fence = null;
                }
                out.append('\n');
                continue;
            }
            out.append(line).append('\n');
        }
        Matcher code = Pattern.compile("(`+)[\\s\\S]*?\\1").matcher(out);
        StringBuilder blanked = new StringBuilder(out.length());
        int last = 0;
        while (code.find()) {
            blanked.append(out, last, code.start());
            blanked.append(code.group().replaceAll("[^\n]", " "));
            last = code.end();
        }
        return blanked.append(out, last, out.length()).toString();
    }

    static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The relative links of a document (links to other sites left out). */
    static List<Link> links(Path doc) throws IOException {
        String text = prose(Files.readString(doc));
        List<Link> found = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE, REFERENCE, HTML)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String target = m.group(pattern == INLINE ? 2 : 1).strip();
                if (!target.isEmpty() && !SCHEME.matcher(target).find() && !target.startsWith("//")) {
                    found.add(new Link(doc, lineOf(text, m.start()), target));
                }
            }
        }
        return found;
    }

    /** GitHub's anchor of a heading's text. */
    static String slug(String heading) {
        String text = heading
                .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // a link in a heading: its text
                .replaceAll("<[^>]+>", "") // inline HTML
                .toLowerCase(java.util.Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c)
                    || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    /** The anchors a document offers: its headings' (numbered when repeated) and explicit HTML anchors. */
    static Set<String> anchors(Path doc) throws IOException {
        String raw = Files.readString(doc);
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        String fence = null;
        for (String line : raw.split("\n")) {
            String stripped = line.stripLeading();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                fence = fence == null ? stripped.substring(0, 3) : (stripped.startsWith(fence) ? null : fence);
                continue;
            }
            if (fence != null) {
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                String base = slug(h.group(2));
                int n = seen.merge(base, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? base : base + "-" + n);
            }
        }
        Matcher a = HTML_ANCHOR.matcher(raw);
        while (a.find()) {
            anchors.add(a.group(1));
        }
        return anchors;
    }

    /** What is wrong with a link, or null when it resolves. */
    static String problem(Path root, Link link) {
        String target = link.target();
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = path.isEmpty() ? link.from()
                : (path.startsWith("/") ? root.resolve(path.substring(1)) : link.from().getParent().resolve(path)).normalize();
        if (!file.startsWith(root.normalize())) {
            return "leaves the repository";
        }
        if (!Files.exists(file)) {
            return "no such file: " + root.relativize(file);
        }
        if (anchor != null && file.toString().endsWith(".md")) {
            try {
                if (!anchors(file).contains(anchor)) {
                    return "no heading #" + anchor + " in " + root.relativize(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    @Test
    void every_relative_link_of_the_readme_and_the_docs_resolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents(ROOT)) {
            for (Link link : links(doc)) {
                checked++;
                String problem = problem(ROOT, link);
                if (problem != null) {
                    broken.add(link + ": " + problem);
                }
            }
        }
        System.out.println("docs links: " + checked + " relative links checked in " + documents(ROOT).size() + " documents");
        assertThat(broken).as("links that do not resolve").isEmpty();
        assertThat(checked).as("the documents link to each other and to their screenshots").isGreaterThan(50);
    }

    @Test
    void anchors_follow_githubs_rule() {
        assertThat(slug("6. Scaling (扩缩容)")).isEqualTo("6-scaling-扩缩容");
        assertThat(slug("3.1 All five services (`common/src/main/resources/META-INF/microprofile-config.properties`)"))
                .isEqualTo("31-all-five-services-commonsrcmainresourcesmeta-infmicroprofile-configproperties");
        assertThat(slug("What `./suite up` starts, and where")).isEqualTo("what-suite-up-starts-and-where");
        assertThat(slug("五环五时: the case loop")).isEqualTo("五环五时-the-case-loop");
        assertThat(slug("联络站工作人员 — 使用说明")).isEqualTo("联络站工作人员--使用说明");
        assertThat(slug("[a link](x.md) in_a heading")).isEqualTo("a-link-in_a-heading");
    }

    @Test
    void a_missing_file_a_missing_heading_and_a_way_out_are_reported(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs/console"));
        Files.writeString(root.resolve("docs/console/shot.png"), "png");
        Files.writeString(root.resolve("docs/a.md"), """
                # A
                ## Twice
                ## Twice
                ## 接待日 (reception days)
                """);
        Files.writeString(root.resolve("README.md"), """
                # Readme
                See [a](docs/a.md#twice-1), [the days](docs/a.md#接待日-reception-days), ![shot](docs/console/shot.png),
                [this](#readme) and [a site](https://example.org/x.md).
                Broken: [gone](docs/gone.md), [no heading](docs/a.md#twice-2), [out](../secret.md),
                ![no shot](docs/console/none.png) and [here](#nowhere).
                `[code](not/a/link.md)`

                ```
                [fenced](not/a/link/either.md)
                ```
                [ref]: docs/missing-ref.md
                """);
        Map<String, String> problems = new HashMap<>();
        for (Path doc : documents(root)) {
            for (Link link : links(doc)) {
                String problem = problem(root, link);
                if (problem != null) {
                    problems.put(link.target(), problem);
                }
            }
        }
        assertThat(problems).containsOnlyKeys("docs/gone.md", "docs/a.md#twice-2", "../secret.md",
                "docs/console/none.png", "#nowhere", "docs/missing-ref.md");
        assertThat(problems.get("../secret.md")).isEqualTo("leaves the repository");
        assertThat(problems.get("docs/a.md#twice-2")).startsWith("no heading #twice-2");
    }
}
