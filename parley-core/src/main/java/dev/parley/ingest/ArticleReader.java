package dev.parley.ingest;

import dev.parley.avro.Article;
import dev.parley.avro.ArticleSource;
import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import dev.parley.avro.SourceFormat;
import dev.parley.text.TextNormalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns input (files, folders, request bodies, feeds) into {@link IngestOutcome}s: one {@code Accepted} per
 * article, one {@code Rejected} per item that cannot be one. One bad item never stops the others. Plain Java: the
 * Kafka layer sends the outcomes on. Thread-safe.
 */
public final class ArticleReader {

    public static final String STAGE_FILE = "ingest.file";
    public static final String STAGE_HTTP = "ingest.http";
    public static final String STAGE_FEED = "ingest.feed";
    public static final String HTTP_ORIGIN = "http:POST /api/articles";

    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2}|und");

    private final IngestLimits limits;
    private final Clock clock;
    private final PublicationDateFinder dates;
    private final LanguageGuesser languages;

    public ArticleReader(IngestLimits limits, Clock clock) {
        this(limits, clock, new PublicationDateFinder(clock, limits.earliestDate()), LanguageGuesser.shared());
    }

    ArticleReader(IngestLimits limits, Clock clock, PublicationDateFinder dates, LanguageGuesser languages) {
        this.limits = limits;
        this.clock = clock;
        this.dates = dates;
        this.languages = languages;
    }

    /**
     * Reads files and folders. Folders are walked recursively in sorted order of their relative paths; hidden
     * files and folders (name starting with '.') and README files (documentation next to a corpus) are skipped.
     * The origin of a file is its path relative to the parent of the path given, with '/' separators
     * (e.g. {@code seeds/001_x.txt}). Undated files fall back to their modification time. A symbolic link found in a
     * folder is followed only when it points inside that folder; otherwise it is rejected (UNREADABLE), unread.
     */
    public void readPaths(List<Path> paths, Consumer<IngestOutcome> sink) {
        readPaths(paths, sink, file -> {
        });
    }

    /** Like {@link #readPaths(List, Consumer)}, telling {@code fileDone} after each file (progress of a replay). */
    public void readPaths(List<Path> paths, Consumer<IngestOutcome> sink, Consumer<Path> fileDone) {
        for (Path given : paths) {
            Path absolute = given.toAbsolutePath().normalize();
            Path base = absolute.getParent() == null ? absolute : absolute.getParent();
            if (!Files.exists(absolute)) {
                sink.accept(reject(STAGE_FILE, given.toString(), RejectReason.UNREADABLE, "no such file or folder",
                        OriginalInput.UNKNOWN));
                continue;
            }
            List<Path> files;
            try {
                files = Files.isDirectory(absolute) ? InputFiles.list(absolute) : List.of(absolute);
            } catch (IOException | UncheckedIOException e) {
                sink.accept(reject(STAGE_FILE, InputFiles.origin(base, absolute), RejectReason.UNREADABLE,
                        "cannot list folder: " + e, OriginalInput.UNKNOWN));
                continue;
            }
            for (Path file : files) {
                if (InputFiles.leavesTree(absolute, file)) {
                    sink.accept(reject(STAGE_FILE, InputFiles.origin(base, file), RejectReason.UNREADABLE,
                            "symbolic link to outside the ingested folder, not followed", OriginalInput.UNKNOWN));
                } else {
                    readFile(base, file).forEach(sink);
                }
                fileDone.accept(file);
            }
        }
    }

    /** The files {@link #readPaths} reads for these paths, in its order; missing paths are left out. */
    public static List<Path> filesOf(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path given : paths) {
            Path absolute = given.toAbsolutePath().normalize();
            try {
                if (Files.isDirectory(absolute)) {
                    out.addAll(InputFiles.list(absolute));
                } else if (Files.exists(absolute)) {
                    out.add(absolute);
                }
            } catch (IOException | UncheckedIOException e) {
                // readPaths reports it
            }
        }
        return out;
    }

    /** Reads one input whose bytes are at hand; the format comes from {@code hint}, else from origin and content. */
    public List<IngestOutcome> readBytes(String origin, byte[] bytes, SourceFormat hintOrNull) {
        return read(STAGE_FILE, origin, bytes, hintOrNull, now());
    }

    /** Reads the body of {@code POST /api/articles}: one JSON object (fields as in JSON Lines). */
    public IngestOutcome readHttpJson(byte[] body) {
        return read(STAGE_HTTP, HTTP_ORIGIN, body, SourceFormat.HTTP_JSON, now()).get(0);
    }

    /** Downloads an RSS/Atom feed from an http(s) URL and reads its entries. */
    public void readFeed(URI url, Consumer<IngestOutcome> sink) {
        String origin = url.toString();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            sink.accept(reject(STAGE_FEED, origin, RejectReason.UNREADABLE, "feed URL must be http or https",
                    OriginalInput.UNKNOWN));
            return;
        }
        byte[] bytes;
        try {
            bytes = FeedDownloader.download(url, limits.maxFileBytes());
        } catch (IngestException e) {
            sink.accept(reject(STAGE_FEED, origin, e.reason(), e.getMessage(), OriginalInput.UNKNOWN));
            return;
        }
        read(STAGE_FEED, origin, bytes, SourceFormat.RSS, now()).forEach(sink);
    }

    private List<IngestOutcome> readFile(Path base, Path file) {
        String origin = InputFiles.origin(base, file);
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                return List.of(reject(STAGE_FILE, origin, RejectReason.TOO_LARGE, "file of " + size
                        + " bytes exceeds the limit of " + limits.maxFileBytes() + " bytes", InputFiles.headOf(file, size, limits.maxDeadLetterBytes())));
            }
            byte[] bytes = Files.readAllBytes(file);
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            return read(STAGE_FILE, origin, bytes, null, modified);
        } catch (IOException | SecurityException e) {
            return List.of(reject(STAGE_FILE, origin, RejectReason.UNREADABLE, "cannot read file: " + e,
                    OriginalInput.UNKNOWN));
        }
    }

    private List<IngestOutcome> read(String stage, String origin, byte[] bytes, SourceFormat hint, Instant fallback) {
        OriginalInput original = OriginalInput.of(bytes, limits.maxDeadLetterBytes());
        List<Parsed> parsed;
        InputFormat format = null;
        try {
            if (bytes.length > limits.maxFileBytes()) {
                throw new IngestException(RejectReason.TOO_LARGE, "input of " + bytes.length
                        + " bytes exceeds the limit of " + limits.maxFileBytes() + " bytes");
            }
            format = hint != null ? InputFormat.of(hint) : InputFormat.detect(origin, bytes);
            String text = switch (format) {
                case HTML -> TextDecoder.decodeHtml(bytes);
                case FEED -> TextDecoder.decodeXml(bytes);
                default -> TextDecoder.decode(bytes);
            };
            if (text.isBlank()) {
                throw new IngestException(RejectReason.EMPTY_TEXT, "empty input (no text)");
            }
            parsed = switch (format) {
                case TEXT -> TextArticleParser.parse(origin, text, original);
                case JSON_LINES -> JsonArticleParser.parseLines(origin, text, limits.maxDeadLetterBytes());
                case JSON_DOCUMENT -> JsonArticleParser.parseDocument(origin, text, original, limits.maxDeadLetterBytes());
                case HTML -> HtmlArticleParser.parse(origin, text, original);
                case FEED -> FeedArticleParser.parse(origin, bytes, original);
                case HTTP_JSON -> List.of(new Parsed.Item(JsonArticleParser.parseObject(origin, text, original)));
            };
        } catch (IngestException e) {
            return List.of(reject(stage, origin, e.reason(), e.getMessage(), original));
        } catch (StackOverflowError e) {
            // Absurdly deep nesting; it must cost this input only.
            RejectReason reason = format == InputFormat.HTML ? RejectReason.UNPARSEABLE_HTML : RejectReason.PROCESSING_ERROR;
            return List.of(reject(stage, origin, reason, "input nested too deeply to parse", original));
        } catch (RuntimeException e) {
            // A parser bug must cost this input only.
            return List.of(reject(stage, origin, RejectReason.PROCESSING_ERROR, "cannot process input: " + e, original));
        }
        if (parsed.isEmpty()) {
            return List.of(reject(stage, origin, RejectReason.EMPTY_TEXT, "no articles in the input (empty feed or array)",
                    original));
        }
        List<IngestOutcome> out = new ArrayList<>(parsed.size());
        for (Parsed p : parsed) {
            if (p instanceof Parsed.Item item) {
                out.add(accept(stage, item.item(), fallback));
            } else if (p instanceof Parsed.Failed failed) {
                out.add(reject(stage, failed.origin(), failed.problem().reason(), failed.problem().getMessage(),
                        failed.original()));
            }
        }
        return out;
    }

    private IngestOutcome accept(String stage, ParsedItem item, Instant fallback) {
        try {
            return new IngestOutcome.Accepted(article(item, fallback));
        } catch (IngestException e) {
            return reject(stage, item.origin(), e.reason(), e.getMessage(), item.original());
        } catch (RuntimeException | StackOverflowError e) {
            return reject(stage, item.origin(), RejectReason.PROCESSING_ERROR, "cannot process item: " + e,
                    item.original());
        }
    }

    private Article article(ParsedItem item, Instant fallback) {
        String body = item.body();
        if (body.isBlank()) {
            throw new IngestException(RejectReason.EMPTY_TEXT, "no article text");
        }
        int bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bodyBytes > limits.maxArticleBytes()) {
            throw new IngestException(RejectReason.TOO_LARGE, "article text of " + bodyBytes
                    + " bytes exceeds the limit of " + limits.maxArticleBytes() + " bytes");
        }
        String language = declaredLanguage(item.language());
        if (language == null) {
            language = languages.detect(body);
        }
        PublishedDate published = dates.find(item.date(), body, fallback);
        String contentHash = Hashes.sha256Hex(TextNormalizer.normalize(body));
        return Article.newBuilder()
                .setId(articleId(item, contentHash))
                .setSource(ArticleSource.newBuilder()
                        .setOrigin(item.origin())
                        .setFormat(item.format())
                        .setOutlet(item.outlet())
                        .setUrl(item.url())
                        .setFeed(item.feed())
                        .build())
                .setTitle(item.title())
                .setBody(body)
                .setLanguage(language)
                .setPublishedAt(published.instant())
                .setPublishedPrecision(published.precision())
                .setPublishedAtSource(published.source())
                .setIngestedAt(now())
                .setContentHash(contentHash)
                .setMetadata(item.metadata())
                .build();
    }

    /**
     * What identifies the item: its URL when it has one (the same URL again is the same article, corrected or not);
     * otherwise where it came from, its outlet, title, stated date and text. Only a true re-ingestion of the same item
     * gets the same id: the same text under another outlet or title is another article (dedup makes it a copy).
     */
    static String articleId(ParsedItem item, String contentHash) {
        if (item.url() != null && !item.url().isBlank()) {
            return Hashes.id128("url\n" + item.url().strip());
        }
        return Hashes.id128(String.join("\n", "item", item.origin(), nullToEmpty(item.outlet()),
                nullToEmpty(item.title()), item.date() == null ? "" : item.date().raw(), contentHash));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static String declaredLanguage(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String code = declared.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGE_CODE.matcher(code).matches()) {
            throw new IngestException(RejectReason.INVALID_FIELD,
                    "language '" + declared + "' is not an ISO 639-1 code such as 'es' or 'en'");
        }
        return code;
    }

    private IngestOutcome.Rejected reject(String stage, String origin, RejectReason reason, String message,
                                          OriginalInput original) {
        return new IngestOutcome.Rejected(Rejections.of(stage, origin, reason, message, original, now()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
