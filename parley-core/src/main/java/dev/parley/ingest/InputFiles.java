package dev.parley.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The file-system side of ingest: which files a folder holds, their origins, the head of a file too large to read. */
final class InputFiles {

    private InputFiles() {
    }

    /**
     * Regular files under a folder, recursively, sorted by relative path; hidden files and READMEs skipped. Links to
     * folders are not walked; links to files are listed, for {@link #leavesTree} to judge.
     */
    static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p) && !Files.isDirectory(p))
                    .filter(p -> !isSkipped(folder.relativize(p)))
                    .sorted((a, b) -> slashed(folder.relativize(a)).compareTo(slashed(folder.relativize(b))))
                    .toList();
        }
    }

    private static boolean isSkipped(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        String name = relative.getFileName().toString().toUpperCase(Locale.ROOT);
        return name.equals("README") || name.startsWith("README.");
    }

    /**
     * True when a file found in a folder is a link to somewhere outside that folder (or to nothing): it is not read,
     * so that a link in an ingested tree cannot pull in {@code /etc/passwd}.
     */
    static boolean leavesTree(Path folder, Path file) {
        if (!Files.isSymbolicLink(file)) {
            return false;
        }
        try {
            return !file.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException e) {
            return true;
        }
    }

    static String origin(Path base, Path file) {
        return slashed(base.relativize(file));
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    /** The head of a file too large to read, with the size and SHA-256 of the whole (streamed, not held). */
    static OriginalInput headOf(Path file, long size, int maxDeadLetterBytes) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] head = in.readNBytes(maxDeadLetterBytes);
            in.transferTo(OutputStream.nullOutputStream());
            String sha = HexFormat.of().formatHex(in.getMessageDigest().digest());
            return new OriginalInput(head, size, sha, size > head.length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
