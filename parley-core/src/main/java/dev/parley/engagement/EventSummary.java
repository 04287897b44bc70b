package dev.parley.engagement;

import dev.parley.extract.ActorType;
import dev.parley.extract.EventKind;
import dev.parley.extract.Folding;
import dev.parley.extract.Participant;
import dev.parley.extract.Resources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a reader sees first of an event: one English line built from its kind and participants ("Peña Nieto (MX)
 * spoke by phone with Obama (US)") and the sentence it was read from. People by their short surname and country
 * code, organisations by name, a state by its English name when no person or body speaks for it.
 */
public final class EventSummary {

    /** Countries whose people carry two surnames (paternal, maternal): "Peña Nieto", "López Obrador". */
    private static final Set<String> DOUBLE_SURNAMES = Set.of("AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "ES",
            "GQ", "GT", "HN", "MX", "NI", "PA", "PE", "PR", "PY", "SV", "UY", "VE");
    /** Countries whose press puts the family name first: "Xi Jinping" is Xi. */
    private static final Set<String> FAMILY_NAME_FIRST = Set.of("CN", "TW", "HK", "MO", "KR", "KP");
    /** Lower-case words that belong to the surname after them: "de la Fuente", "von der Leyen". */
    private static final Set<String> PARTICLES = Set.of("de", "del", "la", "las", "los", "y", "e", "da", "das", "do",
            "dos", "di", "du", "van", "von", "der", "den", "ter", "le", "al", "bin", "ibn");
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr", "sr", "sra", "srta", "don", "dona",
            "sir", "lic", "ing", "dra");
    /** Office actors already name their country: "foreign-minister (CA)", "ambassador (US to MX)". */
    private static final Pattern OFFICE_NAME = Pattern.compile(".*\\([A-Z]{2}( to [A-Z]{2})?\\)\\s*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** At most this many names on one side; the rest are counted. */
    private static final int NAMES_PER_SIDE = 3;

    private static volatile EventSummary shipped;

    private final Function<String, Optional<String>> countryNames;
    private final Set<String> givenNames;

    /**
     * @param countryNames English name of a country code
     * @param givenNames folded given names that may stand second in a Spanish name ("Rosa Elena Villaseñor")
     */
    public EventSummary(Function<String, Optional<String>> countryNames, Set<String> givenNames) {
        this.countryNames = countryNames;
        this.givenNames = givenNames.stream().map(Folding::fold).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * English country names from parley/world/countries.tsv (only that table: the world's name forms are the
     * extractor's, and loading them here would slow the first merge), given names from parley/given-names.txt.
     */
    public static EventSummary withShippedData() {
        EventSummary s = shipped;
        if (s == null) {
            Map<String, String> names = englishCountryNames();
            s = new EventSummary(code -> Optional.ofNullable(names.get(code)), readGivenNames());
            shipped = s;
        }
        return s;
    }

    /** The one-line summary of an event of this kind with these participants (each of its own country). */
    public String summary(EventKind kind, List<Participant> participants) {
        return summary(kind, participants, id -> List.of());
    }

    /**
     * @param bodyCountries every country of an organisation or group by actor id (a bilateral working group is of
     *                      both), empty when only the participant's own country is known
     */
    public String summary(EventKind kind, List<Participant> participants,
                          Function<String, List<String>> bodyCountries) {
        Function<Participant, List<String>> countriesOf = p -> {
            List<String> all = p.type() == ActorType.PERSON ? List.of() : bodyCountries.apply(p.actorId());
            return all == null || all.isEmpty() ? (p.country() == null ? List.of() : List.of(p.country())) : all;
        };
        List<Participant> shown = shownParticipants(participants, countriesOf);
        List<String> initiators = labels(shown, Participant.Role.INITIATOR, countriesOf);
        List<String> targets = labels(shown, Participant.Role.TARGET, countriesOf);
        List<String> others = labels(shown, Participant.Role.PARTICIPANT, countriesOf);
        List<String> subject = new ArrayList<>();
        List<String> object = new ArrayList<>();
        if (!initiators.isEmpty()) {
            subject.addAll(initiators);
            object.addAll(others);
            object.addAll(targets);
        } else if (!others.isEmpty()) {
            subject.add(others.get(0));
            object.addAll(others.subList(1, others.size()));
            object.addAll(targets);
        } else {
            object.addAll(targets);
        }
        if (kind == EventKind.JOINT_STATEMENT || kind == EventKind.AGREEMENT_COMMITMENT) {
            // Both sides act together: one list of parties.
            List<String> parties = new ArrayList<>(subject);
            parties.addAll(object);
            if (parties.size() > 1) {
                return capitalised(join(parties)) + (kind == EventKind.JOINT_STATEMENT ? " issued a joint statement"
                        : " reached an agreement");
            }
        }
        return capitalised(phrase(kind, join(subject), join(object)));
    }

    private static String capitalised(String line) {
        return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }

    /** The summary of a merged event. */
    public String summary(EngagementEvent event, Function<String, List<String>> bodyCountries) {
        return summary(event.kind(), event.participants(), bodyCountries);
    }

    /** The first passage of the event's first source, on one line; empty when it has none. */
    public static String evidence(EngagementEvent event) {
        return event.sources().stream().flatMap(s -> s.passages().stream()).findFirst()
                .map(p -> SPACES.matcher(p.text()).replaceAll(" ").strip()).orElse("");
    }

    private static String phrase(EventKind kind, String a, String b) {
        if (a.isEmpty() && b.isEmpty()) {
            return switch (kind) {
                case CONSULT_CALL -> "A phone call (participants not named)";
                case MEET_VISIT -> "A meeting (participants not named)";
                case JOINT_STATEMENT -> "A joint statement (parties not named)";
                case AGREEMENT_COMMITMENT -> "An agreement (parties not named)";
                case STATEMENT -> "A statement (speaker not named)";
                case DEMAND -> "A demand (parties not named)";
                case THREAT -> "A threat (parties not named)";
                case REJECTION -> "A rejection (parties not named)";
            };
        }
        if (a.isEmpty()) {
            // Only the side acted upon is known.
            return switch (kind) {
                case CONSULT_CALL -> "A phone call with " + b;
                case MEET_VISIT -> "A meeting with " + b;
                case JOINT_STATEMENT -> "A joint statement with " + b;
                case AGREEMENT_COMMITMENT -> "An agreement with " + b;
                case STATEMENT -> "A statement on " + b;
                case DEMAND -> "Demands made of " + b;
                case THREAT -> "A threat against " + b;
                case REJECTION -> "A rejection of " + b;
            };
        }
        if (b.isEmpty()) {
            return switch (kind) {
                case CONSULT_CALL -> a + " held a phone call";
                case MEET_VISIT -> a + " held a meeting";
                case JOINT_STATEMENT -> a + " issued a joint statement";
                case AGREEMENT_COMMITMENT -> a + " announced an agreement";
                case STATEMENT -> a + " made a statement";
                case DEMAND -> a + " made demands";
                case THREAT -> a + " issued a threat";
                case REJECTION -> a + " issued a rejection";
            };
        }
        return switch (kind) {
            case CONSULT_CALL -> a + " spoke by phone with " + b;
            case MEET_VISIT -> a + " met " + b;
            case JOINT_STATEMENT -> a + " and " + b + " issued a joint statement";
            case AGREEMENT_COMMITMENT -> a + " and " + b + " reached an agreement";
            case STATEMENT -> a + " made a statement on " + b;
            case DEMAND -> a + " made demands of " + b;
            case THREAT -> a + " threatened " + b;
            case REJECTION -> a + " pushed back against " + b;
        };
    }

    /** A state is shown only when no person or body of it takes part: the people speak for it. */
    private static List<Participant> shownParticipants(List<Participant> participants,
                                                       Function<Participant, List<String>> countriesOf) {
        Set<String> representedCountries = participants.stream().filter(Participant::isKeyActor)
                .flatMap(p -> countriesOf.apply(p).stream()).collect(Collectors.toSet());
        return participants.stream()
                .filter(p -> p.isKeyActor() || !representedCountries.contains(p.country()))
                .sorted(Comparator.comparing(EventSummary::typeOrder))
                .toList();
    }

    private static int typeOrder(Participant p) {
        return switch (p.type()) {
            case PERSON -> 0;
            case ORGANISATION, GROUP -> 1;
            case COUNTRY -> 2;
        };
    }

    private List<String> labels(List<Participant> participants, Participant.Role role,
                                Function<Participant, List<String>> countriesOf) {
        return List.copyOf(participants.stream().filter(p -> p.role() == role).map(p -> label(p, countriesOf.apply(p)))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private String label(Participant p, List<String> countries) {
        String name = p.name() == null ? p.actorId() : p.name().strip();
        if (p.type() == ActorType.COUNTRY) {
            return p.country() == null ? name : countryNames.apply(p.country()).orElse(name);
        }
        if (OFFICE_NAME.matcher(name).matches()) {
            return name.replace('-', ' ');
        }
        String shown = p.type() == ActorType.PERSON ? shortName(name, p.country()) : name;
        return countries.isEmpty() ? shown : shown + " (" + String.join(", ", countries) + ")";
    }

    /**
     * The surname a news report would use: "Enrique Peña Nieto" → "Peña Nieto" (two surnames where that is the
     * custom, unless the word before the last is a given name: "Rosa Elena Villaseñor" → "Villaseñor"),
     * "Juan Ramón de la Fuente" → "de la Fuente", "Barack Obama" → "Obama", "Xi Jinping" → "Xi".
     */
    String shortName(String fullName, String country) {
        List<String> words = new ArrayList<>(Arrays.asList(SPACES.split(fullName.strip())));
        while (words.size() > 1 && HONORIFICS.contains(Folding.fold(words.get(0)).replace(".", ""))) {
            words.remove(0);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder particles = new StringBuilder();
        for (String w : words) {
            if (PARTICLES.contains(w.toLowerCase(Locale.ROOT)) && !parts.isEmpty()) {
                particles.append(w).append(' ');
            } else {
                parts.add(particles + w);
                particles.setLength(0);
            }
        }
        int n = parts.size();
        if (n <= 1) {
            return fullName.strip();
        }
        if (country != null && FAMILY_NAME_FIRST.contains(country)) {
            return parts.get(0);
        }
        if (n >= 3 && country != null && DOUBLE_SURNAMES.contains(country) && !givenNames.contains(Folding.fold(parts.get(n - 2)))) {
            return parts.get(n - 2) + " " + parts.get(n - 1);
        }
        return parts.get(n - 1);
    }

    private static String join(List<String> names) {
        List<String> shown = names.size() > NAMES_PER_SIDE + 1 ? names.subList(0, NAMES_PER_SIDE) : names;
        int hidden = names.size() - shown.size();
        List<String> items = new ArrayList<>(shown);
        if (hidden > 0) {
            items.add(hidden + " others");
        }
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static Set<String> readGivenNames() {
        return dataLines("parley/given-names.txt").stream()
                .flatMap(l -> Arrays.stream(l.split("\\s*,\\s*"))).collect(Collectors.toSet());
    }

    /** Columns code, nameEs, nameEn, from, to (the file's header documents them). */
    private static Map<String, String> englishCountryNames() {
        return dataLines("parley/world/countries.tsv").stream().map(l -> l.split("\t"))
                .filter(columns -> columns.length >= 3)
                .collect(Collectors.toUnmodifiableMap(columns -> columns[0].strip(), columns -> columns[2].strip()));
    }

    private static List<String> dataLines(String resource) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Resources.open(resource),
                StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
