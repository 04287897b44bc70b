package dev.parley.ingest;

import dev.parley.avro.RejectReason;

/** Thrown inside ingest when an item must be rejected; the reader turns it into a dead-letter record. */
final class IngestException extends RuntimeException {

    private final RejectReason reason;

    IngestException(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    IngestException(RejectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }
}
