package dev.parley.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Data files: a system property parley.<name> (a path) overrides the copy shipped on the classpath. */
public final class Resources {

    private Resources() {
    }

    public static InputStream open(String classpathName) {
        String key = "parley." + classpathName.replaceFirst("^parley/", "").replaceFirst("\\.json$", "");
        String override = System.getProperty(key);
        try {
            if (override != null && !override.isBlank()) {
                return Files.newInputStream(Path.of(override));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InputStream in = Resources.class.getClassLoader().getResourceAsStream(classpathName);
        if (in == null) {
            throw new IllegalStateException("missing resource " + classpathName);
        }
        return in;
    }
}
