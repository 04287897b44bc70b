package dev.parley.eval;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts of the git repository {@code ljzac/ljzac.github.io}, read with {@code git --git-dir DIR} from HEAD. A post is
 * Markdown with YAML front matter; the gold text is the body: everything after the line break that ends the closing
 * {@code ---} line. The extractor gets the front-matter title and the body with its HTML stripped (jsoup, block
 * elements as paragraph breaks), each char mapped back to its offset in the body.
 */
public final class LjzacSource {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A\\uFEFF?---[ \\t]*\\r?\\n(.*?)\\r?\\n---[ \\t]*(?:\\r?\\n|\\z)",
            Pattern.DOTALL);
    private static final Pattern PATH_DATE = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2})/");
    private static final Pattern HTML = Pattern.compile("</?[a-zA-Z][^>]*>|&(?:[a-zA-Z]+|#\\d+|#x[0-9a-fA-F]+);");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "table", "tr", "td", "th", "section", "article", "figure", "figcaption", "hr", "pre");
    private static final Set<String> SKIPPED = Set.of("script", "style", "iframe", "noscript");

    private final Path gitDir;

    private LjzacSource(Path gitDir) {
        this.gitDir = gitDir;
    }

    public static LjzacSource open(Path gitDir) {
        if (!Files.isDirectory(gitDir)) {
            throw new EvaluationException("no such git directory: " + gitDir);
        }
        LjzacSource source = new LjzacSource(gitDir);
        try {
            source.git("rev-parse", "--verify", "HEAD");
        } catch (EvaluationException e) {
            throw new EvaluationException(gitDir + " is not a git directory with a HEAD commit (fetch or clone "
                    + "ljzac/ljzac.github.io and pass its .git folder or bare repository): " + e.getMessage());
        }
        return source;
    }

    /** The post at path in HEAD; expectedBlob, when given, must be its blob hash (a changed post is not scored). */
    public SourceText read(String path, String expectedBlob) {
        String blob = git("rev-parse", "HEAD:" + path).strip();
        if (expectedBlob != null && !blob.equals(expectedBlob.strip())) {
            throw new EvaluationException("post " + path + " changed since it was labelled: blob " + blob
                    + " in HEAD, " + expectedBlob + " in the gold line");
        }
        return post("ljzac:" + path, path, git("cat-file", "blob", blob));
    }

    static SourceText post(String reference, String path, String markdown) {
        Matcher fm = FRONT_MATTER.matcher(markdown);
        boolean hasFrontMatter = fm.find();
        String frontMatter = hasFrontMatter ? fm.group(1) : "";
        String body = hasFrontMatter ? markdown.substring(fm.end()) : markdown;
        String title = field(frontMatter, "title");
        LocalDate published = date(field(frontMatter, "date"), path);
        SourceText.Builder shaped = HTML.matcher(body).find() ? stripHtml(body) : identity(body);
        return new SourceText(reference, published, body, title == null ? "" : title, shaped.text(),
                shaped.map(body.length()), -1);
    }

    private static SourceText.Builder identity(String body) {
        SourceText.Builder b = new SourceText.Builder();
        for (int i = 0; i < body.length(); i++) {
            b.append(body.charAt(i), i);
        }
        return b;
    }

    private static SourceText.Builder stripHtml(String body) {
        Document doc = Jsoup.parse(body, "", Parser.htmlParser().setTrackPosition(true));
        SourceText.Builder b = new SourceText.Builder();
        int[] lastEnd = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            int skipping = 0;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e && SKIPPED.contains(e.normalName())) {
                    skipping++;
                } else if (skipping == 0 && node instanceof TextNode t) {
                    String s = t.getWholeText();
                    Range r = t.sourceRange();
                    int start = r.isTracked() ? r.startPos() : lastEnd[0];
                    int length = r.isTracked() ? r.endPos() - start : s.length();
                    int end = Math.min(start + length, body.length());
                    int src = start;
                    for (int i = 0; i < s.length(); i++) {
                        char c = s.charAt(i);
                        int at = Math.min(src, Math.max(start, end - 1));
                        if (src < end && body.charAt(src) == c) {
                            src++;
                        } else if (src < end && body.charAt(src) == '&') {
                            // An entity decodes to one char: "&amp;" is one '&' at the entity's offset.
                            int semi = body.indexOf(';', src);
                            src = semi > src && semi < end ? semi + 1 : src + 1;
                        }
                        b.append(c, at);
                    }
                    lastEnd[0] = Math.min(start + length, body.length());
                } else if (skipping == 0 && node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    breakAt(e.sourceRange());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && SKIPPED.contains(e.normalName())) {
                    skipping--;
                } else if (skipping == 0 && node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    breakAt(e.endSourceRange().isTracked() ? e.endSourceRange() : e.sourceRange());
                }
            }

            private void breakAt(Range r) {
                int at = Math.min(r.isTracked() ? r.startPos() : lastEnd[0], body.length());
                while (b.last() != '\n') {
                    b.append('\n', at);
                }
                if (b.length() > 0) {
                    b.append('\n', at);
                }
            }
        }, doc.body());
        return b;
    }

    static String field(String frontMatter, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ":[ \\t]*(.*?)[ \\t]*$").matcher(frontMatter);
        if (!m.find()) {
            return null;
        }
        String v = m.group(1);
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
        }
        return v.strip();
    }

    /** The front-matter date, else the post's day folder (_posts/YYYY/MM/DD/...). */
    static LocalDate date(String frontMatterDate, String path) {
        if (frontMatterDate != null && frontMatterDate.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return LocalDate.parse(frontMatterDate.substring(0, 10));
        }
        Matcher m = PATH_DATE.matcher(path);
        if (m.find()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        }
        throw new EvaluationException("post " + path + " has no date in its front matter or path");
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir", gitDir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = readAll(p.getInputStream());
            String err = new String(readAll(p.getErrorStream()), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new EvaluationException("git " + String.join(" ", args) + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EvaluationException("cannot run git (is it installed?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvaluationException("interrupted while running git");
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
