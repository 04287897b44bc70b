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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * RSS and Atom feeds, parsed with ROME. Each entry is one item, origin {@code <feed>#<entry id>} (the guid or Atom
 * id, else the link, else the entry's position). Document type declarations are refused, so no external entity is
 * ever resolved (XXE). The entry date is harvested metadata; the channel language is not used as an override
 * because feeds mix languages.
 */
final class FeedArticleParser {

    private FeedArticleParser() {
    }

    static List<Parsed> parse(String feedOrigin, byte[] xml, OriginalInput original) {
        SyndFeed feed = read(xml);
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
