package dev.parley.ingest;

/** What a format parser makes of one item of its input: an item, or the reason it cannot be one. */
sealed interface Parsed {

    record Item(ParsedItem item) implements Parsed {
    }

    record Failed(String origin, OriginalInput original, IngestException problem) implements Parsed {
    }
}
