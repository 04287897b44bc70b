package dev.parley.registry;

/**
 * An error the registry answered, with Confluent's error code (40401 subject not found, 40402 version not found,
 * 40403 schema not found, 409 incompatible schema, 42201 invalid schema, 50001 store error), or -1 when the
 * registry could not be reached.
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int STORE_ERROR = 50001;
    public static final int UNREACHABLE = -1;

    private final int errorCode;

    public SchemaRegistryException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The HTTP status Confluent's registry answers for this code. */
    public int httpStatus() {
        if (errorCode == INCOMPATIBLE_SCHEMA) {
            return 409;
        }
        if (errorCode >= 40000 && errorCode < 60000) {
            return errorCode / 100;
        }
        return 500;
    }
}
