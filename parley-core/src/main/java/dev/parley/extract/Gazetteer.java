package dev.parley.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Actors, countries, roles and places from a JSON data file (parley/gazetteer.json by default; the system property
 * parley.gazetteer names a replacement file). Matching is accent- and case-insensitive, longest match first.
 */
public final class Gazetteer {

    private record Entry(GuardedPattern pattern, boolean caseSensitive, Actor actor, ActorMention.Via via) {
    }

    private record RoleEntry(GuardedPattern pattern, String roleId, Actor holder) {
    }

    /**
     * A dated term of office: the actor held the role from {@code from} to {@code to}, both inclusive, either open
     * (null). Entries without dates get the file's {@code holdersAsOf} period, or no term at all.
     */
    public record Term(String role, java.time.LocalDate from, java.time.LocalDate to) {

        public boolean covers(String roleId, java.time.LocalDate date) {
            return role.equals(roleId) && date != null && (from == null || !date.isBefore(from))
                    && (to == null || !date.isAfter(to));
        }
    }

    private final Map<String, Actor> actors = new LinkedHashMap<>();
    private final Map<String, Place> places = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final List<RoleEntry> roleEntries = new ArrayList<>();
    private final List<Map.Entry<GuardedPattern, Place>> placeEntries = new ArrayList<>();
    private final Map<String, List<Actor>> holdersByRole = new HashMap<>();
    private final Map<String, String> countryByWord = new HashMap<>();
    private final Map<String, List<Term>> termsByActor = new HashMap<>();
    private final Map<String, List<String>> descriptionsByRole = new LinkedHashMap<>();
    private final Map<String, String> countryByRoleDescription = new HashMap<>();
    private static final Pattern CAPITALISED_NAME = Pattern.compile("^,?\\s+(\\p{Lu}[\\p{L}.'-]+(?:\\s+(?:de\\s+la\\s+|de\\s+)?\\p{Lu}[\\p{L}.'-]+)*)");
    private static final Pattern QUALIFIER = Pattern.compile("^\\s+(?:de|del|of|in|en)\\s+(?:la\\s+|los\\s+|the\\s+)?(\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*)*)");

    public Gazetteer(InputStream json) {
        this(List.of(json));
    }

    /** Several files, later ones extending earlier ones (a user's own people, bodies and places). */
    public Gazetteer(List<InputStream> jsons) {
        for (InputStream json : jsons) {
            load(json);
        }
        // Longest aliases first so that "Juan Ramón de la Fuente" wins over "de la Fuente".
        entries.sort(Comparator.comparing((Entry e) -> -e.pattern.length()));
        roleEntries.sort(Comparator.comparing((RoleEntry e) -> -e.pattern.length()));
        placeEntries.sort(Comparator.comparing((Map.Entry<GuardedPattern, Place> e) -> -e.getKey().length()));
    }

    private void load(InputStream json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            for (JsonNode c : root.path("countries")) {
                String code = c.get("code").asText();
                Actor country = new Actor("country:" + code, ActorType.COUNTRY, DateResolver.strings(c.get("names")).get(0),
                        List.of(code), List.of(), null);
                actors.put(country.id(), country);
                for (String n : DateResolver.strings(c.get("names"))) {
                    entries.add(new Entry(GuardedPattern.folded(n), false, country, ActorMention.Via.COUNTRY_NAME));
                    countryByWord.put(Folding.fold(n), code);
                }
                for (String n : DateResolver.strings(c.get("caseSensitiveNames"))) {
                    entries.add(new Entry(GuardedPattern.exact(n, "(?<![\\p{L}\\p{N}.])", "(?![\\p{L}\\p{N}])"), true, country, ActorMention.Via.COUNTRY_NAME));
                    countryByWord.put(Folding.fold(n), code);
                }
                for (String n : DateResolver.strings(c.get("adjectives"))) {
                    boolean upper = Character.isUpperCase(n.charAt(0));
                    entries.add(new Entry(upper ? GuardedPattern.exact(n, "(?<![\\p{L}\\p{N}])", "(?![\\p{L}\\p{N}])")
                            : GuardedPattern.folded(n), upper, country, ActorMention.Via.COUNTRY_ADJECTIVE));
                    countryByWord.put(Folding.fold(n), code);
                }
            }
            if (root.path("includeAllIsoCountries").asBoolean(false)) {
                addIsoCountries();
            }
            JsonNode asOf = root.path("holdersAsOf");
            for (JsonNode a : root.path("actors")) {
                List<String> countries = a.has("countries") ? DateResolver.strings(a.get("countries"))
                        : a.hasNonNull("country") ? List.of(a.get("country").asText()) : List.of();
                Actor actor = new Actor(a.get("id").asText(), ActorType.valueOf(a.get("type").asText()),
                        a.get("name").asText(), countries, DateResolver.strings(a.get("roles")),
                        a.hasNonNull("org") ? a.get("org").asText() : null,
                        a.hasNonNull("accreditedTo") ? a.get("accreditedTo").asText() : null);
                actors.put(actor.id(), actor);
                for (String alias : DateResolver.strings(a.get("aliases"))) {
                    entries.add(new Entry(GuardedPattern.folded(alias), false, actor, ActorMention.Via.NAME));
                }
                for (String alias : DateResolver.strings(a.get("caseSensitiveAliases"))) {
                    entries.add(new Entry(GuardedPattern.exact(alias, "(?<![\\p{L}\\p{N}])", "(?![\\p{L}\\p{N}])"), true, actor, ActorMention.Via.NAME));
                }
                for (String handle : DateResolver.strings(a.get("handles"))) {
                    entries.add(new Entry(GuardedPattern.exact(Folding.fold(handle), "(?<![\\w@])", "(?!\\w)"), false, actor, ActorMention.Via.HANDLE));
                }
                for (String description : DateResolver.strings(a.get("roleDescriptions"))) {
                    // A description naming one office holder ("vocero del Departamento de Estado") outranks the
                    // shorter names inside it.
                    entries.add(new Entry(GuardedPattern.folded(description), false, actor, ActorMention.Via.ROLE));
                }
                for (String role : actor.roles()) {
                    holdersByRole.computeIfAbsent(role, k -> new ArrayList<>()).add(actor);
                }
                termsByActor.put(actor.id(), terms(a, actor.roles(), asOf));
            }
            for (JsonNode r : root.path("roles")) {
                String roleId = r.get("id").asText();
                for (String description : DateResolver.strings(r.get("descriptions"))) {
                    roleEntries.add(new RoleEntry(GuardedPattern.folded(description), roleId, null));
                    descriptionsByRole.computeIfAbsent(roleId, k -> new ArrayList<>()).add(description);
                }
                r.path("countryByDescription").fields().forEachRemaining(e ->
                        countryByRoleDescription.put(Folding.fold(e.getKey()), e.getValue().asText()));
            }
            for (JsonNode p : root.path("places")) {
                Place place = new Place(p.get("id").asText(), p.get("name").asText(), p.path("country").asText(null));
                places.put(place.id(), place);
                for (String alias : DateResolver.strings(p.get("aliases"))) {
                    placeEntries.add(Map.entry(GuardedPattern.folded(alias), place));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An actor's terms: its "terms" list, else its own "from"/"to" for all its roles, else the file's holdersAsOf. */
    private static List<Term> terms(JsonNode actor, List<String> roles, JsonNode asOf) {
        List<Term> terms = new ArrayList<>();
        if (actor.has("terms")) {
            for (JsonNode t : actor.get("terms")) {
                terms.add(new Term(t.get("role").asText(), date(t.get("from")), date(t.get("to"))));
            }
            return List.copyOf(terms);
        }
        JsonNode dated = actor.has("from") || actor.has("to") ? actor : asOf.isObject() ? asOf : null;
        if (dated != null) {
            for (String role : roles) {
                terms.add(new Term(role, date(dated.get("from")), date(dated.get("to"))));
            }
        }
        return List.copyOf(terms);
    }

    private static java.time.LocalDate date(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : java.time.LocalDate.parse(node.asText());
    }

    /** The country's actor: the gazetteer's (every ISO country has one), else a bare one for other codes. */
    public Actor countryActor(String code) {
        return actor("country:" + code).orElseGet(() -> new Actor("country:" + code, ActorType.COUNTRY, code,
                List.of(code), List.of(), null));
    }

    /**
     * Every ISO 3166 country the file does not define, by its Spanish and English names from the JDK's locale data
     * (case-sensitive: "Turkey" the country, not the bird).
     */
    private void addIsoCountries() {
        for (String code : java.util.Locale.getISOCountries()) {
            String id = "country:" + code;
            if (actors.containsKey(id)) {
                continue;
            }
            java.util.Locale region = new java.util.Locale("", code);
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            names.add(region.getDisplayCountry(java.util.Locale.ENGLISH));
            names.add(region.getDisplayCountry(new java.util.Locale("es")));
            names.removeIf(n -> n.isBlank() || n.length() < 4);
            if (names.isEmpty()) {
                continue;
            }
            Actor country = new Actor(id, ActorType.COUNTRY, names.iterator().next(), List.of(code), List.of(), null);
            actors.put(id, country);
            for (String n : names) {
                entries.add(new Entry(GuardedPattern.exact(n, "(?<![\\p{L}\\p{N}])", "(?![\\p{L}\\p{N}])"), true,
                        country, ActorMention.Via.COUNTRY_NAME));
                countryByWord.put(Folding.fold(n), code);
            }
        }
    }

    /** The shipped file alone. Users extend it with files (parley.extract.gazetteer.files), see {@link #load}. */
    public static Gazetteer loadDefault() {
        return load(List.of());
    }

    /** The shipped file plus extension files in the same format: later files add actors, aliases and handles. */
    public static Gazetteer load(List<java.nio.file.Path> extraFiles) {
        List<InputStream> files = new ArrayList<>();
        files.add(Resources.open("parley/gazetteer.json"));
        for (java.nio.file.Path p : extraFiles) {
            try {
                files.add(java.nio.file.Files.newInputStream(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Gazetteer(files);
    }

    public Optional<Actor> actor(String id) {
        return Optional.ofNullable(actors.get(id));
    }

    /** The organisation the gazetteer lists with the role "foreign-ministry" for a country, if any. */
    public Optional<Actor> foreignMinistry(String country) {
        return actors.values().stream()
                .filter(a -> a.type() == ActorType.ORGANISATION && country.equals(a.country())
                        && a.roles().contains(FOREIGN_MINISTRY))
                .min(java.util.Comparator.comparing(Actor::id));
    }

    private static final String FOREIGN_MINISTRY = "foreign-ministry";

    /** The actor a social handle ("@SRE_mx", case-insensitive) belongs to. */
    public Optional<Actor> byHandle(String handle) {
        return find(handle, List.of()).stream().filter(m -> m.via() == ActorMention.Via.HANDLE)
                .map(ActorMention::actor).findFirst();
    }

    public Map<String, Actor> actors() {
        return actors;
    }

    /** Who held the role for the country on the date, by the entries' dated terms (none when no term covers it). */
    public List<Actor> holdersOn(String roleId, String country, java.time.LocalDate date) {
        return holdersByRole.getOrDefault(roleId, List.of()).stream()
                .filter(a -> country.equals(a.country()))
                .filter(a -> termsByActor.getOrDefault(a.id(), List.of()).stream().anyMatch(t -> t.covers(roleId, date)))
                .toList();
    }

    public List<Term> terms(String actorId) {
        return termsByActor.getOrDefault(actorId, List.of());
    }

    /** Office descriptions by role id ("foreign-minister" → "canciller", "Foreign Minister"…), as in the file. */
    public Map<String, List<String>> roleDescriptions() {
        return java.util.Collections.unmodifiableMap(descriptionsByRole);
    }

    /** The country an office description names by itself ("Secretary of State" → US), if the file says so. */
    public Optional<String> countryOfRoleDescription(String description) {
        return Optional.ofNullable(countryByRoleDescription.get(Folding.fold(description.strip())));
    }

    /** Country names and adjectives only, longest first, as spans of the text. */
    public List<ActorMention> findCountries(String text) {
        return findEntries(text, e -> e.actor.type() == ActorType.COUNTRY);
    }

    /** Names, aliases and handles of people, organisations and groups (no countries, no role descriptions). */
    public List<ActorMention> findNamed(String text) {
        return findEntries(text, e -> e.actor.type() != ActorType.COUNTRY && e.via != ActorMention.Via.ROLE);
    }

    /** The actors' own role descriptions ("embajador de Estados Unidos en México" → its one holder), undated. */
    public List<ActorMention> findDescribedHolders(String text) {
        return findEntries(text, e -> e.actor.type() != ActorType.COUNTRY && e.via == ActorMention.Via.ROLE);
    }

    private List<ActorMention> findEntries(String text, java.util.function.Predicate<Entry> which) {
        String folded = Folding.fold(text);
        List<ActorMention> found = new ArrayList<>();
        for (Entry e : entries) {
            if (!which.test(e)) {
                continue;
            }
            Matcher m = e.pattern.matcherOrNull(e.caseSensitive ? text : folded);
            while (m != null && m.find()) {
                addIfFree(found, new ActorMention(e.actor, new Span(m.start(), m.end()), e.via));
            }
        }
        found.sort(Comparator.comparing(ActorMention::span));
        return found;
    }

    /**
     * Actors named in text (names, handles, countries) and role descriptions resolved in context: "el canciller"
     * is the foreign minister of the country the phrase or the article points to, if the gazetteer knows exactly
     * one; a role followed by an unknown proper name describes that unknown person and resolves to nothing.
     *
     * @param contextActors actors already seen in the article, used to resolve unqualified roles
     */
    public List<ActorMention> find(String text, List<Actor> contextActors) {
        String folded = Folding.fold(text);
        List<ActorMention> found = new ArrayList<>();
        for (Entry e : entries) {
            Matcher m = e.pattern.matcherOrNull(e.caseSensitive ? text : folded);
            while (m != null && m.find()) {
                addIfFree(found, new ActorMention(e.actor, new Span(m.start(), m.end()), e.via));
            }
        }
        for (RoleEntry r : roleEntries) {
            Matcher m = r.pattern.matcherOrNull(folded);
            while (m != null && m.find()) {
                Span span = new Span(m.start(), m.end());
                if (overlaps(found, span)) {
                    continue;
                }
                resolveRole(r, text, span, found, contextActors)
                        .ifPresent(a -> addIfFree(found, new ActorMention(a, span, ActorMention.Via.ROLE)));
            }
        }
        // "el embajador de Canadá en México" names a person and, inside it, two countries: keep the countries too.
        List<ActorMention> inner = new ArrayList<>();
        for (ActorMention role : found) {
            if (role.via() != ActorMention.Via.ROLE) {
                continue;
            }
            for (Entry e : entries) {
                if (e.actor.type() != ActorType.COUNTRY || e.via != ActorMention.Via.COUNTRY_NAME) {
                    continue;
                }
                Matcher m = e.pattern.matcherOrNull(e.caseSensitive ? text : folded);
                if (m == null) {
                    continue;
                }
                m.region(role.span().start(), role.span().end());
                while (m.find()) {
                    inner.add(new ActorMention(e.actor, new Span(m.start(), m.end()), ActorMention.Via.COUNTRY_NAME));
                }
            }
        }
        found.addAll(inner);
        found.sort(Comparator.comparing(ActorMention::span));
        return found;
    }

    public List<Map.Entry<Span, Place>> findPlaces(String text) {
        String folded = Folding.fold(text);
        List<Map.Entry<Span, Place>> found = new ArrayList<>();
        for (Map.Entry<GuardedPattern, Place> e : placeEntries) {
            Matcher m = e.getKey().matcherOrNull(folded);
            while (m != null && m.find()) {
                Span span = new Span(m.start(), m.end());
                if (found.stream().noneMatch(f -> f.getKey().start() < span.end() && span.start() < f.getKey().end())) {
                    found.add(Map.entry(span, e.getValue()));
                }
            }
        }
        found.sort(Map.Entry.comparingByKey());
        return found;
    }

    private Optional<Actor> resolveRole(RoleEntry r, String text, Span span, List<ActorMention> found,
                                        List<Actor> context) {
        String after = text.substring(span.end(), Math.min(text.length(), span.end() + 60));
        Matcher name = CAPITALISED_NAME.matcher(after);
        if (name.find() && !after.startsWith(" de ") && !after.startsWith(" del ")) {
            // "el presidente Nicolás Maduro", "el secretario de Estado, Marco Rubio": the name decides, not the role.
            return Optional.empty();
        }
        if (r.holder != null) {
            return Optional.of(r.holder);
        }
        String country = qualifierCountry(text, span, found);
        if (country == null && qualifiedByUnknown(after)) {
            return Optional.empty();
        }
        List<Actor> holders = holdersByRole.getOrDefault(r.roleId, List.of());
        List<Actor> candidates = holders.stream()
                .filter(a -> country == null ? context.contains(a) : country.equals(a.country()))
                .toList();
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        if (candidates.isEmpty() && country != null) {
            // An office of a known country with no holder in the gazetteer is still an actor of that country.
            Actor synthetic = new Actor(country + "/" + r.roleId, ActorType.PERSON, r.roleId + " (" + country + ")",
                    List.of(country), List.of(r.roleId), null);
            return Optional.of(synthetic);
        }
        return Optional.empty();
    }

    /** The country the words right around a role point to: "la presidenta mexicana", "el canciller de Brasil". */
    private String qualifierCountry(String text, Span span, List<ActorMention> found) {
        for (ActorMention m : found) {
            if (m.actor().type() != ActorType.COUNTRY) {
                continue;
            }
            boolean rightAfter = m.span().start() >= span.end() && m.span().start() - span.end() <= 12
                    && text.substring(span.end(), m.span().start()).matches("\\s*(?:(?:de|del|of)\\s+(?:los\\s+|la\\s+|the\\s+)?|en\\s+|,\\s*)?");
            boolean rightBefore = m.span().end() <= span.start()
                    && text.substring(m.span().end(), span.start()).matches("\\s*(?:'s)?\\s*");
            if (rightAfter || rightBefore || (m.via() == ActorMention.Via.COUNTRY_ADJECTIVE && m.span().start() == span.end() + 1)) {
                return m.actor().country();
            }
        }
        return null;
    }

    private boolean qualifiedByUnknown(String after) {
        Matcher q = QUALIFIER.matcher(after);
        return q.find() && !countryByWord.containsKey(Folding.fold(q.group(1)));
    }

    private static boolean overlaps(List<ActorMention> found, Span span) {
        return found.stream().anyMatch(f -> f.span().start() < span.end() && span.start() < f.span().end());
    }

    private static void addIfFree(List<ActorMention> found, ActorMention mention) {
        if (!overlaps(found, mention.span())) {
            found.add(mention);
        }
    }
}
