package dev.parley.kafka;

import dev.parley.avro.Article;
import dev.parley.avro.RejectedInput;
import dev.parley.ingest.IngestOutcome;
import dev.parley.kafka.serde.AvroSerdes;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes ingest outcomes to Kafka: accepted articles to the raw log (key: article id, record timestamp:
 * publication time, so every later stage works in event time), rejections to the dead-letter topic with one line
 * on stderr each. Idempotent producer with acks=all: an accepted article is on the log before it is counted.
 */
public final class ArticlePublisher implements AutoCloseable {

    /** What a batch came to. */
    public record Summary(long accepted, long rejected, long failed) {
        public boolean clean() {
            return rejected == 0 && failed == 0;
        }
    }

    private final KafkaProducer<Object, Object> producer;
    private final PrintStream errors;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    // Sends whose callback has not run yet: a flush waits for them, so its totals count every send before it.
    private final AtomicLong inFlight = new AtomicLong();

    @SuppressWarnings("unchecked")
    public ArticlePublisher(Map<String, Object> clientConfig, PrintStream errors) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ParleyTopics.MAX_MESSAGE_BYTES);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        Serializer<Object> keys = (Serializer<Object>) (Serializer<?>) AvroSerdes.key(String.class, config).serializer();
        Serializer<Object> values = (Serializer<Object>) (Serializer<?>) AvroSerdes.value(Object.class, config).serializer();
        this.producer = new KafkaProducer<>(config, keys, values);
        this.errors = errors;
    }

    /** Sends one outcome; returns the article id, or null for a rejection. */
    public String publish(IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Accepted a) {
            Article article = a.article();
            // Kafka timestamps start at 1970: an older article (historical archives) is stamped at the epoch; its
            // publication time stays in the record.
            send(new ProducerRecord<>(ParleyTopics.ARTICLES_RAW, null, Math.max(0, article.getPublishedAt().toEpochMilli()),
                    article.getId(), article), accepted, "FAILED " + article.getSource().getOrigin());
            return article.getId();
        }
        IngestOutcome.Rejected rejected = (IngestOutcome.Rejected) outcome;
        RejectedInput rejection = rejected.rejection();
        errors.println(rejected.describe());
        send(new ProducerRecord<>(ParleyTopics.DEAD_LETTER, null, rejection.getRejectedAt().toEpochMilli(),
                rejection.getId(), rejection), this.rejected, "FAILED to write dead letter for " + rejection.getOrigin());
        return null;
    }

    private void send(ProducerRecord<Object, Object> record, AtomicLong countOnSuccess, String failure) {
        inFlight.incrementAndGet();
        try {
            producer.send(record, (metadata, e) -> {
                try {
                    if (e == null) {
                        countOnSuccess.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        errors.println(failure + ": " + e.getMessage());
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            failed.incrementAndGet();
            errors.println(failure + ": " + e.getMessage());
        }
    }

    /** Waits until everything sent so far is on the broker (or failed) and returns the totals. */
    public Summary flush(Duration timeout) {
        producer.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not acknowledge the batch within " + timeout);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for Kafka", e);
            }
        }
        return new Summary(accepted.get(), rejected.get(), failed.get());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
