package dev.parley.kafka.serde;

/**
 * Avro 1.12 refuses to instantiate generated classes outside the packages named in
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES}. Parley's contracts live in {@code dev.parley.avro}; a user's own
 * packages can be added with the same system property.
 */
public final class AvroTrust {

    static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    private static final String DEFAULT =
            "java.lang,java.math,java.io,java.net,java.util,org.apache.avro.util,dev.parley.avro";

    private AvroTrust() {
    }

    public static synchronized void trustParleyContracts() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, DEFAULT);
        } else if (!current.contains("dev.parley.avro") && !current.equals("*")) {
            System.setProperty(PROPERTY, current + ",dev.parley.avro");
        }
    }
}
