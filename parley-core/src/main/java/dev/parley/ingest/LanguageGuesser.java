package dev.parley.ingest;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Detects the language of a body with Lingua, restricted to the candidate languages of {@code ingest.properties}.
 * Answers an ISO 639-1 code, or "und" when the text is too short or Lingua is not confident (the best language
 * is not ahead of the next by the minimum relative distance). Building the detector loads language models
 * (seconds, some hundred MB), so there is one shared instance, built on first use. Thread-safe.
 */
public final class LanguageGuesser {

    public static final String UNDETERMINED = "und";

    private static final Pattern NOT_LANGUAGE =
            Pattern.compile("(?:https?://|www\\.|pic\\.twitter\\.com/)\\S*|[@#][\\p{L}\\p{N}_]+");

    private static volatile LanguageGuesser shared;

    private final LanguageDetector detector;
    private final int minimumLetters;
    private final List<IsoCode639_1> candidates;

    private LanguageGuesser(Properties config) {
        IsoCode639_1[] candidates = Arrays.stream(config.getProperty("language.candidates").split(","))
                .map(code -> IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT)))
                .toArray(IsoCode639_1[]::new);
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromIsoCodes639_1(candidates)
                .withMinimumRelativeDistance(Double.parseDouble(config.getProperty("language.minimumRelativeDistance")));
        if (Boolean.parseBoolean(config.getProperty("language.lowAccuracyMode", "false"))) {
            builder = builder.withLowAccuracyMode();
        }
        this.detector = builder.build();
        this.candidates = List.of(candidates);
        this.minimumLetters = Integer.parseInt(config.getProperty("language.minimumLetters"));
    }

    public static LanguageGuesser shared() {
        LanguageGuesser result = shared;
        if (result == null) {
            synchronized (LanguageGuesser.class) {
                result = shared;
                if (result == null) {
                    result = new LanguageGuesser(IngestConfig.properties());
                    shared = result;
                }
            }
        }
        return result;
    }

    /**
     * Loads the language models now rather than on the first article (they take seconds to load): call it once,
     * e.g. in a background thread at startup.
     */
    public void warmUp() {
        for (IsoCode639_1 code : candidates) {
            detector.computeLanguageConfidenceValues("warm up " + code + " language models for detection");
        }
    }

    public String detect(String body) {
        // Links, handles and hashtags are not written in any language; they only add noise.
        String text = NOT_LANGUAGE.matcher(body).replaceAll(" ");
        long letters = text.codePoints().filter(Character::isLetter).limit(minimumLetters).count();
        if (letters < minimumLetters) {
            return UNDETERMINED;
        }
        Language language = detector.detectLanguageOf(text);
        return language == Language.UNKNOWN ? UNDETERMINED : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** Ingest's tunables, read once from {@code ingest.properties}. */
    static final class IngestConfig {
        private IngestConfig() {
        }

        static Properties properties() {
            Properties p = new Properties();
            try (InputStream in = LanguageGuesser.class.getResourceAsStream("ingest.properties")) {
                if (in == null) {
                    throw new IllegalStateException("missing resource ingest.properties");
                }
                p.load(in);
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
