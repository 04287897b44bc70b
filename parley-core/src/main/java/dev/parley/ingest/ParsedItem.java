package dev.parley.ingest;

import dev.parley.avro.SourceFormat;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One item as a format parser read it, before dating, language detection and hashing.
 *
 * @param body     shaped body (see {@link Paragraphs}), possibly empty
 * @param date     the date the item states, or null
 * @param language a language the input declares (validated later), or null
 * @param original the bytes a rejection of this item should carry
 */
record ParsedItem(String origin, SourceFormat format, String title, String body, String outlet, String url,
                  String feed, MetadataDate date, String language, Map<String, String> metadata,
                  OriginalInput original) {

    ParsedItem {
        // Sorted, so that the same input always serialises to the same bytes.
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    }
}
