package dev.parley.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parley.avro.RejectReason;
import dev.parley.avro.SourceFormat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON articles: JSON Lines (one object per line; blank lines skipped; a bad line is rejected alone) and the
 * single object of {@code POST /api/articles}. Documented fields, all optional except the text:
 * <ul>
 *   <li>{@code body} or {@code text} (string, required): the article text, paragraphs separated by blank lines;</li>
 *   <li>{@code title}, {@code outlet}, {@code url}, {@code language} (ISO 639-1 override): strings;</li>
 *   <li>{@code publishedAt} or {@code date}: ISO 8601 date or date-time, or RFC 1123;</li>
 *   <li>{@code id}: the submitter's own id (string or number), kept as metadata {@code sourceId};</li>
 *   <li>{@code metadata}: an object of scalar values, kept as strings.</li>
 * </ul>
 * Other scalar fields are kept as metadata; a documented field of the wrong type is INVALID_FIELD.
 */
final class JsonArticleParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // One value per line or per body: "{...} {...}" is not silently read as its first object.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> DOCUMENTED =
            Set.of("id", "title", "body", "text", "outlet", "url", "publishedAt", "date", "language", "metadata");

    private JsonArticleParser() {
    }

    /**
     * A {@code .json} file: one object (origin as given), or an array of objects (origin {@code origin#N} for the
     * N-th, 1-based); anything else is read as JSON Lines.
     */
    static List<Parsed> parseDocument(String origin, String text, OriginalInput original, int maxDeadLetterBytes) {
        JsonNode whole;
        try {
            whole = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return parseLines(origin, text, maxDeadLetterBytes);
        }
        if (whole != null && whole.isObject()) {
            try {
                return List.of(new Parsed.Item(fromJson(origin, SourceFormat.JSON_LINES, whole, original)));
            } catch (IngestException e) {
                return List.of(new Parsed.Failed(origin, original, e));
            }
        }
        if (whole != null && whole.isArray()) {
            List<Parsed> out = new ArrayList<>();
            for (int i = 0; i < whole.size(); i++) {
                String itemOrigin = origin + "#" + (i + 1);
                JsonNode node = whole.get(i);
                OriginalInput itemOriginal = OriginalInput.of(node.toString().getBytes(StandardCharsets.UTF_8),
                        maxDeadLetterBytes);
                try {
                    if (!node.isObject()) {
                        throw new IngestException(RejectReason.INVALID_JSON, "expected a JSON object, found "
                                + node.getNodeType());
                    }
                    out.add(new Parsed.Item(fromJson(itemOrigin, SourceFormat.JSON_LINES, node, itemOriginal)));
                } catch (IngestException e) {
                    out.add(new Parsed.Failed(itemOrigin, itemOriginal, e));
                }
            }
            return out;
        }
        return parseLines(origin, text, maxDeadLetterBytes);
    }

    /** JSON Lines: origin of line N (1-based) is {@code origin#N}. */
    static List<Parsed> parseLines(String origin, String text, int maxDeadLetterBytes) {
        List<Parsed> out = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String lineOrigin = origin + "#" + (i + 1);
            OriginalInput original = OriginalInput.of(line.getBytes(StandardCharsets.UTF_8), maxDeadLetterBytes);
            try {
                out.add(new Parsed.Item(fromJson(lineOrigin, SourceFormat.JSON_LINES, readObject(line), original)));
            } catch (IngestException e) {
                out.add(new Parsed.Failed(lineOrigin, original, e));
            }
        }
        return out;
    }

    /** One JSON object, the body of {@code POST /api/articles}. */
    static ParsedItem parseObject(String origin, String text, OriginalInput original) {
        return fromJson(origin, SourceFormat.HTTP_JSON, readObject(text), original);
    }

    private static JsonNode readObject(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IngestException(RejectReason.INVALID_JSON, "invalid JSON: " + e.getOriginalMessage() + where);
        }
        if (node == null || !node.isObject()) {
            throw new IngestException(RejectReason.INVALID_JSON,
                    "expected one JSON object, found " + (node == null ? "nothing" : node.getNodeType()));
        }
        return node;
    }

    private static ParsedItem fromJson(String origin, SourceFormat format, JsonNode json, OriginalInput original) {
        String body = firstString(json, "body", "text");
        if (body == null) {
            throw new IngestException(RejectReason.INVALID_FIELD, "missing field 'body' (or 'text')");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode extra = json.get("metadata");
        if (extra != null && !extra.isNull()) {
            if (!extra.isObject()) {
                throw new IngestException(RejectReason.INVALID_FIELD, "field 'metadata' must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    throw new IngestException(RejectReason.INVALID_FIELD,
                            "metadata field '" + e.getKey() + "' must be a string, number or boolean");
                }
                if (!e.getValue().isNull()) {
                    metadata.put(e.getKey(), e.getValue().asText());
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!DOCUMENTED.contains(e.getKey()) && e.getValue().isValueNode() && !e.getValue().isNull()) {
                metadata.putIfAbsent(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode id = json.get("id");
        if (id != null && !id.isNull()) {
            if (!id.isTextual() && !id.isNumber()) {
                throw new IngestException(RejectReason.INVALID_FIELD, "field 'id' must be a string or number");
            }
            metadata.put("sourceId", id.asText());
        }
        return new ParsedItem(origin, format, string(json, "title"), Paragraphs.fromPlainText(body),
                string(json, "outlet"), string(json, "url"), null,
                MetadataDate.stated(firstString(json, "publishedAt", "date")), string(json, "language"), metadata,
                original);
    }

    private static String firstString(JsonNode json, String preferred, String alternative) {
        String value = string(json, preferred);
        return value != null ? value : string(json, alternative);
    }

    private static String string(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IngestException(RejectReason.INVALID_FIELD,
                    "field '" + field + "' must be a string, found " + node.getNodeType());
        }
        return node.asText();
    }
}
