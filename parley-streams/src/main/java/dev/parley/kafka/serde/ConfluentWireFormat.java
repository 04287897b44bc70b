package dev.parley.kafka.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: byte 0 is the magic byte 0, bytes 1–4 the schema id (big-endian int), the rest the
 * Avro binary encoding of the datum with that schema. Every Confluent-compatible consumer reads this.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {
    }

    public static byte[] frame(int schemaId, byte[] avroPayload) {
        return ByteBuffer.allocate(HEADER_SIZE + avroPayload.length)
                .put(MAGIC_BYTE).putInt(schemaId).put(avroPayload).array();
    }

    /** The schema id of a framed record; a clear error when the bytes are not in this format. */
    public static int schemaId(byte[] framed) {
        if (framed.length < HEADER_SIZE) {
            throw new SerializationException("Record of " + framed.length
                    + " bytes is too short for the Confluent wire format (magic byte + 4-byte schema id)");
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new UnknownMagicByteException(String.format(
                    "Unknown magic byte 0x%02x (expected 0x00): the record is not in the Confluent Avro wire format",
                    framed[0] & 0xff));
        }
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }

    /** Thrown for a first byte other than 0: the record was not written by a Confluent-format serializer. */
    public static final class UnknownMagicByteException extends SerializationException {
        public UnknownMagicByteException(String message) {
            super(message);
        }
    }
}
