package dev.parley.ingest;

import dev.parley.avro.RejectReason;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetches a feed over http(s), refusing anything larger than the limit; failures are UNREADABLE or TOO_LARGE. */
final class FeedDownloader {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FEED_TIMEOUT = Duration.ofSeconds(30);

    private FeedDownloader() {
    }

    static byte[] download(URI url, long maxBytes) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(FEED_TIMEOUT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                .GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new IngestException(RejectReason.UNREADABLE, "feed download failed: HTTP " + response.statusCode());
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new IngestException(RejectReason.TOO_LARGE,
                            "feed larger than the limit of " + maxBytes + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new IngestException(RejectReason.UNREADABLE, "feed download failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException(RejectReason.UNREADABLE, "feed download interrupted", e);
        }
    }

}
