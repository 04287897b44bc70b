package dev.parley.ingest;

import dev.parley.avro.SourceFormat;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HTML pages: the main text (the largest {@code <article>}, else {@code <main>}, else the body) with the
 * boilerplate of {@code html-boilerplate.txt} removed (scripts, styles, navigation, forms, asides, footers, ads); title, outlet, URL and date from Open Graph and
 * article meta tags. Meta dates are harvested, not stated: a bad one is ignored (see {@link MetadataDate}).
 */
final class HtmlArticleParser {

    private static final String BOILERPLATE = loadSelectors("html-boilerplate.txt");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "li", "ul",
            "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "table", "tr",
            "td", "th", "dl", "dt", "dd", "address", "hr", "br");
    private static final List<String> DATE_META = List.of(
            "meta[property=article:published_time]", "meta[property=og:article:published_time]",
            "meta[itemprop=datePublished]", "meta[name=date]", "meta[name=pubdate]", "meta[name=publish-date]",
            "meta[name=dc.date]", "meta[name=DC.date.issued]");

    private HtmlArticleParser() {
    }

    static List<Parsed> parse(String origin, String html, OriginalInput original) {
        Document doc = Jsoup.parse(html);
        String title = firstNonBlank(meta(doc, "meta[property=og:title]"), text(doc.selectFirst("h1")), doc.title());
        String outlet = meta(doc, "meta[property=og:site_name]");
        String url = firstNonBlank(meta(doc, "meta[property=og:url]"), attr(doc.selectFirst("link[rel=canonical]"), "href"));
        String date = null;
        for (String selector : DATE_META) {
            date = firstNonBlank(date, meta(doc, selector));
        }
        date = firstNonBlank(date, attr(doc.selectFirst("article time[datetime], time[datetime]"), "datetime"));
        Map<String, String> metadata = new LinkedHashMap<>();
        putIfPresent(metadata, "author", meta(doc, "meta[name=author]"));
        putIfPresent(metadata, "description", meta(doc, "meta[name=description]"));
        putIfPresent(metadata, "htmlLang", attr(doc.selectFirst("html"), "lang"));

        Element root = contentRoot(doc);
        root.select(BOILERPLATE).remove();
        if (root == doc.body()) {
            root.select("header").remove();
        }
        root.select("h1").remove();
        ParsedItem item = new ParsedItem(origin, SourceFormat.HTML, title, bodyText(root), outlet, url, null,
                MetadataDate.harvested(date), null, metadata, original);
        return List.of(new Parsed.Item(item));
    }

    /** The text of an HTML element or fragment, one paragraph per innermost block. */
    static String bodyText(Element root) {
        Set<Element> containsBlock = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : root.getAllElements()) {
            if (e != root && BLOCKS.contains(e.normalName())) {
                for (Element a = e.parent(); a != null && containsBlock.add(a) && a != root; a = a.parent()) {
                    // marks every ancestor up to the root
                }
            }
        }
        List<String> paragraphs = new ArrayList<>();
        collect(root, containsBlock, paragraphs);
        return Paragraphs.join(paragraphs);
    }

    private static void collect(Element element, Set<Element> containsBlock, List<String> out) {
        if (!containsBlock.contains(element)) {
            out.add(element.text());
            return;
        }
        StringBuilder loose = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t) {
                loose.append(t.text());
            } else if (child instanceof Element e) {
                if (BLOCKS.contains(e.normalName()) || containsBlock.contains(e)) {
                    flush(loose, out);
                    collect(e, containsBlock, out);
                } else {
                    loose.append(e.text());
                }
            }
        }
        flush(loose, out);
    }

    private static void flush(StringBuilder loose, List<String> out) {
        if (!loose.toString().isBlank()) {
            out.add(loose.toString());
        }
        loose.setLength(0);
    }

    private static Element contentRoot(Document doc) {
        Elements articles = doc.select("article");
        if (!articles.isEmpty()) {
            return articles.stream().max(Comparator.comparingInt(a -> a.text().length())).orElseThrow();
        }
        Element main = doc.selectFirst("main, [role=main]");
        return main != null ? main : doc.body();
    }

    private static String loadSelectors(String resource) {
        try (InputStream in = HtmlArticleParser.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.joining(", "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String meta(Document doc, String selector) {
        return attr(doc.selectFirst(selector), "content");
    }

    private static String attr(Element e, String name) {
        return e == null || e.attr(name).isBlank() ? null : e.attr(name).strip();
    }

    private static String text(Element e) {
        return e == null || e.text().isBlank() ? null : e.text();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
