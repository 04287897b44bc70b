package dev.parley.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Client for the Confluent Schema Registry REST API (also served by Apicurio's ccompat API, Karapace, Redpanda
 * and Parley's embedded registry). Only the calls the serde needs: register, schema by id, latest version,
 * compatibility check. Ids and registrations are cached for the life of the client.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final HttpClient http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(String baseUrl) {
        String first = baseUrl.split(",")[0].strip();
        this.baseUri = URI.create(first.endsWith("/") ? first : first + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        String key = subject + '\u0000' + schema;
        Integer cached = idsBySubjectAndSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = answer.path("id").asInt();
        idsBySubjectAndSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("GET", "schemas/ids/" + id, null);
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
                    "Schema " + id + " is of type " + type + ", not AVRO");
        }
        Schema schema = SchemaStore.parse(answer.path("schema").asText());
        schemasById.put(id, schema);
        return schema;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode answer = call("GET", "subjects/" + encode(subject) + "/versions/latest", null);
        Schema schema = SchemaStore.parse(answer.path("schema").asText());
        return new RegisteredSchema(answer.path("subject").asText(subject), answer.path("version").asInt(),
                answer.path("id").asInt(), schema);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode answer = call("POST", "compatibility/subjects/" + encode(subject) + "/versions/latest",
                    schemaBody(schema));
            return answer.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode call(String method, String path, String body) {
        URI uri = baseUri.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", CONTENT_TYPE + ", application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
                    "Schema registry at " + baseUri + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, "Interrupted calling " + uri, e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            int code = answer.path("error_code").asInt(response.statusCode());
            String message = answer.path("message").asText(response.body());
            throw new SchemaRegistryException(code, method + " " + uri + " answered " + response.statusCode() + ": "
                    + message);
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }
}
