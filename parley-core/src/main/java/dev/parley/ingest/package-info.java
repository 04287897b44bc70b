/**
 * Ingest: input bytes to {@link dev.parley.avro.Article}s or {@link dev.parley.avro.RejectedInput}s, in plain Java.
 *
 * <h2>Entry point</h2>
 * {@link dev.parley.ingest.ArticleReader}: {@code readPaths} (files and folders, recursive, sorted; hidden files and
 * README files skipped; links to folders not walked, a link to a file read only when it points inside the folder,
 * any other rejected unread as UNREADABLE), {@code readBytes}, {@code readHttpJson} (body of {@code POST /api/articles}) and
 * {@code readFeed} (RSS/Atom over http(s)). Every item gives one {@link dev.parley.ingest.IngestOutcome}; a bad
 * item never stops the others.
 *
 * <h2>Formats</h2>
 * <ul>
 *   <li>Plain text ({@code .txt}, {@code .text}, or no extension), with an optional header at the very top:
 *   <pre>
 * ---
 * title: ...
 * outlet: ...
 * url: ...
 * date: 2026-03-03            (ISO date or date-time; RFC 1123 also read)
 * language: es                (optional override, ISO 639-1)
 * ---
 *   </pre>
 *   Other {@code key: value} lines become metadata. Legacy form: the file begins with {@code " date YYYY-MM-DD "}
 *   and the text follows on the same line.</li>
 *   <li>JSON Lines ({@code .jsonl}, {@code .ndjson}): one object per line, fields {@code body} or {@code text}
 *   (required), {@code title}, {@code outlet}, {@code url}, {@code publishedAt} or {@code date}, {@code language},
 *   {@code id} (kept as metadata {@code sourceId}), {@code metadata} (object of scalars); other scalar fields become
 *   metadata. {@code .json}: one such object, an array of them, or JSON Lines. The HTTP body is one such object.</li>
 *   <li>HTML ({@code .html}, {@code .htm}, {@code .xhtml}): main text via jsoup, boilerplate selectors in
 *   {@code html-boilerplate.txt}; title/outlet/url/date from Open Graph and article meta tags.</li>
 *   <li>RSS and Atom ({@code .xml}, {@code .rss}, {@code .atom}) via ROME; DOCTYPEs are refused (no XXE).</li>
 *   <li>Any other extension: content sniffed for HTML, a feed or JSON; otherwise UNSUPPORTED_FORMAT.</li>
 * </ul>
 *
 * <h2>Origins and ids</h2>
 * Origin: a file's path relative to the parent of the path given ({@code seeds/001_x.txt}); {@code path#N} for JSON
 * line N (or array element N); {@code feed#entry-id} for feed entries; {@code http:POST /api/articles} for HTTP.
 * {@code contentHash} = SHA-256 hex of {@code TextNormalizer.normalize(body)}. {@code id} = first 16 bytes, hex, of
 * SHA-256 of what identifies the item: {@code "url\n" + url} when it has a URL; otherwise {@code "item"}, origin,
 * outlet, title, the stated date as written and {@code contentHash}, joined by newlines. So only a true re-ingestion
 * of the same item gets the same id; the same text under another outlet, title or date is another article (dedup
 * makes it a copy). Bodies are NFC with paragraphs separated by one blank line.
 *
 * <h2>Dates and languages</h2>
 * See {@link dev.parley.ingest.PublicationDateFinder} (metadata, dateline, newest embedded post, fallback = file
 * modification time or the ingestion clock) and {@link dev.parley.ingest.LanguageGuesser} (Lingua, candidates and
 * thresholds in {@code ingest.properties}). A date the submitter states (header, JSON, HTTP) that is impossible or
 * outside the earliest date (default 1800-01-01) .. now+1 day is rejected as INVALID_DATE; one harvested from HTML meta tags or feed entries is
 * ignored and the next rule applies.
 *
 * <h2>Encoding and rejections</h2>
 * Input must be UTF-8 (a BOM is dropped); UTF-16 is decoded when a BOM announces it; HTML may declare a legacy
 * charset in a meta tag, and a feed in its XML declaration. Reasons: UNREADABLE, INVALID_ENCODING, BINARY_CONTENT,
 * EMPTY_TEXT (also an empty feed or array), TOO_LARGE (see {@link dev.parley.ingest.IngestLimits}), INVALID_JSON,
 * INVALID_FIELD, INVALID_DATE, UNPARSEABLE_HTML (nesting too deep), UNPARSEABLE_FEED, UNSUPPORTED_FORMAT,
 * PROCESSING_ERROR (a parser failure). Stages: {@code ingest.file}, {@code ingest.http}, {@code ingest.feed}.
 */
package dev.parley.ingest;
