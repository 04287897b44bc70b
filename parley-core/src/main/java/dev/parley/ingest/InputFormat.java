package dev.parley.ingest;

import dev.parley.avro.RejectReason;
import dev.parley.avro.SourceFormat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * How an input is parsed, decided from its name, else from its first bytes. A known extension decides
 * ({@code .txt .text}: text; {@code .jsonl .ndjson}: JSON Lines; {@code .json}: one object, an array
 * of objects, or JSON Lines; {@code .html .htm .xhtml}: HTML;
 * {@code .xml .rss .atom}: feed). Otherwise the content is sniffed for a feed, HTML or JSON; failing that, a name
 * with no extension is read as plain text and a name with an unknown extension is UNSUPPORTED_FORMAT (so that a
 * stray .csv, .pdf or .png is not ingested as an article).
 */
enum InputFormat {
    TEXT, JSON_LINES, JSON_DOCUMENT, HTML, FEED, HTTP_JSON;

    private static final Map<String, InputFormat> BY_EXTENSION = Map.ofEntries(
            Map.entry("txt", TEXT), Map.entry("text", TEXT),
            Map.entry("jsonl", JSON_LINES), Map.entry("ndjson", JSON_LINES), Map.entry("json", JSON_DOCUMENT),
            Map.entry("html", HTML), Map.entry("htm", HTML), Map.entry("xhtml", HTML),
            Map.entry("xml", FEED), Map.entry("rss", FEED), Map.entry("atom", FEED));
    private static final int SNIFF_BYTES = 512;

    static InputFormat of(SourceFormat hint) {
        return switch (hint) {
            case TEXT -> TEXT;
            case JSON_LINES -> JSON_LINES;
            case HTML -> HTML;
            case RSS, ATOM -> FEED;
            case HTTP_JSON -> HTTP_JSON;
            default -> throw new IllegalArgumentException("not an input format: " + hint);
        };
    }

    static InputFormat detect(String name, byte[] bytes) {
        String extension = extension(name);
        InputFormat known = BY_EXTENSION.get(extension);
        if (known != null) {
            return known;
        }
        InputFormat sniffed = sniff(bytes);
        if (sniffed != null) {
            return sniffed;
        }
        if (extension.isEmpty()) {
            return TEXT;
        }
        throw new IngestException(RejectReason.UNSUPPORTED_FORMAT, "unsupported file type '." + extension
                + "' (not text, JSON Lines, HTML or an RSS/Atom feed)");
    }

    private static InputFormat sniff(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB ? 3 : 0;
        String head = new String(bytes, start, Math.min(SNIFF_BYTES, bytes.length - start), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return HTML;
        }
        if (head.startsWith("<?xml") || head.startsWith("<rss") || head.startsWith("<feed") || head.startsWith("<rdf:rdf")) {
            return head.contains("<html") ? HTML : FEED;
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            return JSON_DOCUMENT;
        }
        return null;
    }

    static String extension(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot <= 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
