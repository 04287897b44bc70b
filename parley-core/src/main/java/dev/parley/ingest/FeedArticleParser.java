package dev.parley.ingest;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.parley.avro.RejectReason;
import dev.parley.avro.SourceFormat;
import org.jsoup.Jsoup;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * RSS and Atom feeds, parsed with ROME. Each entry is one item, origin {@code <feed>#<entry id>} (the guid or Atom
 * id, else the link, else the entry's position). Document type declarations are refused, so no external entity is
 * ever resolved (XXE). The entry date is harvested metadata; the channel language is not used as an override
 * because feeds mix languages. A feed cut off mid-way (a truncated download) keeps its complete entries; the cut-off
 * rest is one UNPARSEABLE_FEED rejection.
 */
final class FeedArticleParser {

    private FeedArticleParser() {
    }

    static List<Parsed> parse(String feedOrigin, byte[] xml, OriginalInput original) {
        SyndFeed feed;
        Parsed cutOff = null;
        try {
            feed = read(xml);
        } catch (IngestException unreadable) {
            Optional<byte[]> complete = completeEntries(xml);
            if (complete.isEmpty()) {
                throw unreadable;
            }
            try {
                feed = read(complete.get());
            } catch (IngestException stillUnreadable) {
                throw unreadable; // broken before the cut, not only cut off: the whole feed is unreadable
            }
            cutOff = new Parsed.Failed(feedOrigin + "#cut-off", original, new IngestException(
                    RejectReason.UNPARSEABLE_FEED, "the feed is cut off after its last complete entry ("
                    + unreadable.getMessage() + "); the complete entries were read, the rest cannot be"));
        }
        List<Parsed> out = entries(feedOrigin, feed, original);
        if (cutOff != null) {
            out.add(cutOff);
        }
        return out;
    }

    /**
     * The feed up to the end of its last complete entry, closed again; empty when it has none. RSS 2.0 items sit in
     * {@code <channel>}, RSS 1.0 items in {@code <rdf:RDF>}, Atom entries in {@code <feed>}. Works on the bytes, so a
     * feed in a declared legacy charset (ISO-8859-1, windows-1252) is cut without being re-encoded.
     */
    static Optional<byte[]> completeEntries(byte[] xml) {
        int item = lastIndexOf(xml, "</item>");
        int entry = lastIndexOf(xml, "</entry>");
        if (item < 0 && entry < 0) {
            return Optional.empty();
        }
        String closing;
        int end;
        if (entry > item) {
            end = entry + "</entry>".length();
            closing = "</feed>";
        } else {
            end = item + "</item>".length();
            closing = lastIndexOf(xml, "<rdf:RDF") >= 0 ? "</rdf:RDF>" : "</channel></rss>";
        }
        byte[] tail = closing.getBytes(StandardCharsets.US_ASCII);
        byte[] cut = Arrays.copyOf(xml, end + tail.length);
        System.arraycopy(tail, 0, cut, end, tail.length);
        return Optional.of(cut);
    }

    /** Where the ASCII {@code tag} last starts in {@code bytes} (any ASCII-compatible encoding), or -1. */
    private static int lastIndexOf(byte[] bytes, String tag) {
        byte[] needle = tag.getBytes(StandardCharsets.US_ASCII);
        for (int at = bytes.length - needle.length; at >= 0; at--) {
            if (Arrays.equals(bytes, at, at + needle.length, needle, 0, needle.length)) {
                return at;
            }
        }
        return -1;
    }

    private static List<Parsed> entries(String feedOrigin, SyndFeed feed, OriginalInput original) {
        SourceFormat format = feed.getFeedType() != null && feed.getFeedType().toLowerCase(Locale.ROOT).startsWith("atom")
                ? SourceFormat.ATOM : SourceFormat.RSS;
        List<Parsed> out = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry entry = entries.get(i);
            String origin = feedOrigin + "#" + entryId(entry, i + 1);
            try {
                out.add(new Parsed.Item(item(origin, format, feedOrigin, feed, entry, original)));
            } catch (RuntimeException e) {
                out.add(new Parsed.Failed(origin, original, e instanceof IngestException ie ? ie
                        : new IngestException(RejectReason.UNPARSEABLE_FEED, "bad feed entry: " + e, e)));
            }
        }
        return out;
    }

    private static SyndFeed read(byte[] xml) {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        try {
            return input.build(new InputSource(new ByteArrayInputStream(xml)));
        } catch (FeedException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IngestException(RejectReason.UNPARSEABLE_FEED, "not a readable RSS/Atom feed: " + why, e);
        }
    }

    private static ParsedItem item(String origin, SourceFormat format, String feedOrigin, SyndFeed feed,
                                   SyndEntry entry, OriginalInput original) {
        Map<String, String> metadata = new LinkedHashMap<>();
        String categories = entry.getCategories().stream().map(SyndCategory::getName)
                .filter(n -> n != null && !n.isBlank()).collect(Collectors.joining("; "));
        if (!categories.isEmpty()) {
            metadata.put("categories", categories);
        }
        if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            metadata.put("author", entry.getAuthor());
        }
        if (entry.getUri() != null) {
            metadata.put("entryId", entry.getUri());
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        String isoDate = date == null ? null : DateTimeFormatter.ISO_INSTANT.format(date.toInstant());
        return new ParsedItem(origin, format, blankToNull(entry.getTitle()), body(entry),
                blankToNull(feed.getTitle()), blankToNull(entry.getLink()), feedOrigin,
                MetadataDate.harvested(isoDate), null, metadata, original);
    }

    private static String body(SyndEntry entry) {
        List<SyndContent> contents = new ArrayList<>(entry.getContents());
        if (contents.isEmpty() && entry.getDescription() != null) {
            contents.add(entry.getDescription());
        }
        List<String> parts = new ArrayList<>();
        for (SyndContent content : contents) {
            String value = content.getValue() == null ? "" : content.getValue();
            String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
            boolean plain = type.equals("text") || type.equals("text/plain");
            parts.add(plain ? Paragraphs.fromPlainText(value)
                    : HtmlArticleParser.bodyText(Jsoup.parseBodyFragment(value).body()));
        }
        return Paragraphs.join(parts.stream().flatMap(p -> List.of(p.split("\n\n")).stream()).toList());
    }

    private static String entryId(SyndEntry entry, int position) {
        if (entry.getUri() != null && !entry.getUri().isBlank()) {
            return entry.getUri().strip();
        }
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().strip();
        }
        return "item-" + position;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
