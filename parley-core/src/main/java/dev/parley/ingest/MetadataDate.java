package dev.parley.ingest;

/**
 * A date an input states about itself, still raw.
 *
 * @param raw    the text as given
 * @param stated true when the submitter wrote it (text header, JSON field, HTTP body): an impossible or unparseable
 *               value there is a mistake to report (INVALID_DATE); false when it was harvested from third-party
 *               markup (HTML meta tags, feed entries), where a bad value is ignored and the next rule dates the item
 */
public record MetadataDate(String raw, boolean stated) {

    static MetadataDate stated(String raw) {
        return raw == null || raw.isBlank() ? null : new MetadataDate(raw.strip(), true);
    }

    static MetadataDate harvested(String raw) {
        return raw == null || raw.isBlank() ? null : new MetadataDate(raw.strip(), false);
    }
}
