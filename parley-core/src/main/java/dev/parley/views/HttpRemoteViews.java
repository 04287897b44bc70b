package dev.parley.views;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads another instance's stores through its internal query endpoint. The {@value #FORWARDED_HEADER} header
 * marks the request as forwarded: the receiver answers from its own partitions or says it cannot, never forwards.
 * The {@value #SECRET_HEADER} header carries the instances' shared secret; without it the receiver refuses.
 */
public final class HttpRemoteViews implements RemoteViews {

    public static final String FORWARDED_HEADER = "X-Parley-Forwarded-By";
    public static final String SECRET_HEADER = "X-Parley-Internal-Secret";
    public static final String INTERNAL_PREFIX = "/internal/views/";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String self;
    private final Duration timeout;
    private final String secret;

    /**
     * @param self   this instance's {@code host:port}, sent in the forwarded header
     * @param secret the secret every instance shares ({@code parley.http.internal.secret})
     */
    public HttpRemoteViews(String self, Duration timeout, String secret) {
        this.self = self;
        this.timeout = timeout;
        this.secret = secret;
    }

    /**
     * True when the request carries the secret. Compared in constant time over SHA-256 digests (equal lengths), so
     * timing tells neither the secret nor its length.
     */
    public static boolean authentic(String givenOrNull, String secret) {
        return !secret.isEmpty() && givenOrNull != null
                && java.security.MessageDigest.isEqual(sha256(givenOrNull), sha256(secret));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    @Override
    public ViewAnswer get(String host, ViewStore store, String key, int partition) {
        return fetch(host, store.name() + "/get?partition=" + partition + "&key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    @Override
    public ViewAnswer all(String host, ViewStore store, Set<Integer> partitions) {
        return fetch(host, store.name() + "/all?partitions="
                + new TreeSet<>(partitions).stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    @Override
    public ViewAnswer group(String host, ViewStore store, String group, int partition) {
        return fetch(host, store.name() + "/group?partition=" + partition + "&group="
                + URLEncoder.encode(group, StandardCharsets.UTF_8));
    }

    @Override
    public ViewAnswer getAsOf(String host, ViewStore store, String key, int partition, java.time.LocalDate day) {
        return fetch(host, store.name() + "/get?partition=" + partition + "&asOf=" + day + "&key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    @Override
    public ViewAnswer allAsOf(String host, ViewStore store, Set<Integer> partitions, java.time.LocalDate day) {
        return fetch(host, store.name() + "/all?asOf=" + day + "&partitions="
                + new TreeSet<>(partitions).stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    private static String message(byte[] body) {
        try {
            String message = ViewJson.MAPPER.readTree(body).path("message").asText("");
            return message.isEmpty() ? "" : ": " + message;
        } catch (IOException e) {
            return ""; // not Parley's JSON (a proxy's page, say): the status says enough
        }
    }

    private ViewAnswer fetch(String host, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + INTERNAL_PREFIX + pathAndQuery))
                .header(FORWARDED_HEADER, self).header(SECRET_HEADER, secret).timeout(timeout).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return switch (response.statusCode()) {
                case 200 -> new ViewAnswer.Found(ViewJson.MAPPER.readTree(response.body()));
                case 404 -> new ViewAnswer.Missing();
                default -> new ViewAnswer.Unavailable("owner " + host + " answered " + response.statusCode()
                        + message(response.body()));
            };
        } catch (IOException e) {
            return new ViewAnswer.Unavailable("owner " + host + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ViewAnswer.Unavailable("interrupted while asking " + host);
        }
    }
}
