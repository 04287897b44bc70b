package dev.parley.engagement.stream;

import dev.parley.extract.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of the extraction rules: a digest of the gazetteer, lexicons, ontology and date rules shipped in the
 * jar. Derived records carry it, so records made by different rules can be told apart after a rebuild.
 */
public final class RulesVersion {

    private static final String[] RULE_FILES = {"parley/gazetteer.json", "parley/lexicon.json",
            "parley/ontology.json", "parley/dates.json", "parley/meetings.json"};

    private RulesVersion() {
    }

    /** The shipped rules plus the user's extra gazetteer files. */
    public static String of(List<Path> extraFiles) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : RULE_FILES) {
                try (InputStream in = Resources.open(file)) {
                    digest.update(in.readAllBytes());
                }
            }
            for (Path extra : extraFiles) {
                digest.update(Files.readAllBytes(extra));
            }
            return "rules-" + HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the extraction rules", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
