package dev.parley.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-start bearer token of a server that has no configured one: random, written to the data directory readable
 * by its owner only, so local clients of the same user can write and other users and web pages cannot.
 */
public final class IngestToken {

    public static final String FILE_NAME = "http-ingest-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IngestToken() {
    }

    /** A fresh token, written (replacing the previous start's) to {@code dataDir/}{@value #FILE_NAME}. */
    public static String perStart(Path dataDir) {
        String token = random();
        try {
            Files.createDirectories(dataDir);
            Path temporary = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file(dataDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ingest token to " + file(dataDir), e);
        }
        return token;
    }

    /** 256 random bits, URL-safe. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token a running server on this data directory wrote. */
    public static String read(Path dataDir) {
        try {
            return Files.readString(file(dataDir), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("No ingest token at " + file(dataDir) + " (is parley run started?)", e);
        }
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions protect it
        }
    }
}
