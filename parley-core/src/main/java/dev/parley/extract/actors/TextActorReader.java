package dev.parley.extract.actors;

import dev.parley.extract.Actor;
import dev.parley.extract.ActorMention;
import dev.parley.extract.ActorMention.Via;
import dev.parley.extract.ActorType;
import dev.parley.extract.Gazetteer;
import dev.parley.extract.Lexicon;
import dev.parley.extract.Span;
import dev.parley.extract.world.CountryKnowledge;
import dev.parley.nlp.Dependency;
import dev.parley.nlp.EntityMention;
import dev.parley.nlp.ParsedSentence;
import dev.parley.nlp.Token;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The actors one parsed sentence names, read from the text rather than from a list of known people:
 * <ul>
 *   <li>PERSON entities become people; a title right before or after the name, or linked to it by the parse
 *       (appos, compound, flat, nmod, amod), gives the office and its country ("el canciller mexicano, Alejandro
 *       Ibarra Solís" → {@code person:MX:alejandro-ibarra-solis}, foreign-minister);</li>
 *   <li>a surname of someone named earlier in the article ("Peña Nieto", "Shultz") is that person;</li>
 *   <li>a title with no name is the gazetteer's holder only when a dated term covers the date, else the office of
 *       its country ({@code office:US:ambassador}), never a holder of another year;</li>
 *   <li>organisations whose name or qualifier names a country, gazetteer names and handles, and countries
 *       (never inside a person's name: "Lisa Monaco").</li>
 * </ul>
 * Spans are sentence offsets; a person's span covers an adjacent title too, so the span's dependency head is the
 * head of the whole noun phrase ("presidente" in "el presidente de Estados Unidos, Barack Obama").
 */
public final class TextActorReader {

    private static final Set<String> PERSON_TYPES = Set.of("PERSON", "PERS");
    private static final Set<String> ORGANISATION_TYPES = Set.of("ORGANIZATION", "ORGANISATION", "ORG");
    private static final Set<String> LINKING_RELATIONS = Set.of("appos", "compound", "flat", "nmod", "amod", "nn");
    private static final Pattern TITLE_BEFORE_NAME = Pattern.compile("\\s*,?\\s*");
    private static final Pattern TITLE_AFTER_NAME = Pattern.compile(
            "\\s*,\\s*(?:(?:the|el|la|an?|un|una|who is|quien es|que es)\\s+)?");
    private static final Pattern POSSESSIVE_END = Pattern.compile("\\s*['\u2019]s?$");
    private static final Pattern NEXT_PROPER_NAME = Pattern.compile("^\\s*,?\\s*\\p{Lu}\\p{Ll}+");
    private static final Pattern CAPITALISED_RUN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}'\u2019-]+(?:\\s+\\p{Lu}[\\p{L}'\u2019-]+)*");
    private static final Pattern OF_BEFORE = Pattern.compile("(?<![\\p{L}])(?:de|del|of)\\s+(?:(?:la|el|los|the)\\s+)?$");
    private static final Pattern WORD = Pattern.compile("[^\\s]+");
    private static final Pattern SURNAME_PARTICLES_AFTER = Pattern.compile(
            "\\s+(?:de\\s+la|de\\s+los|de\\s+las|del|de|da|das|do|dos|van\\s+der|van|von)\\s+\\p{Lu}[\\p{L}'’-]+");
    private static final Pattern ADJACENT_QUALIFIER_AFTER = Pattern.compile("\\s*(?:(?:de|del|of)\\s+(?:(?:la|el|the)\\s+)?)?");

    private final Gazetteer gazetteer;
    private final CountryFinder countries;
    private final OfficeTitles titles;
    private final KnownPeople knownPeople;

    private final java.util.Collection<dev.parley.extract.syntax.TriggerLexicon.Words> eventVerbs;
    /** "Spanish firms", "exportadores estadounidenses": a demonym on these nouns names no state (lexicon.json). */
    private final Set<String> privateNouns;
    /** "Canada lawmakers", "senadores estadunidenses": a legislature's members do not speak for their state. */
    private final Pattern legislativeNouns;
    /** "the Reagan administration", "el gobierno de Obama": the name stands for the government it heads. */
    private final Set<String> governmentNouns;
    private final Set<String> namingNouns;

    public TextActorReader(Gazetteer gazetteer, CountryFinder countries) {
        this(gazetteer, countries, KnownPeople.loadDefault());
    }

    /** @param knownPeople office holders for people the text names without a country ({@link KnownPeople#NONE}: none) */
    public TextActorReader(Gazetteer gazetteer, CountryFinder countries, KnownPeople knownPeople) {
        this(gazetteer, countries, knownPeople, Lexicon.loadDefault());
    }

    /** @param lexicon the extractor's rules: event verbs and the nouns on which a demonym names no state */
    public TextActorReader(Gazetteer gazetteer, CountryFinder countries, KnownPeople knownPeople, Lexicon lexicon) {
        this.knownPeople = knownPeople;
        this.gazetteer = gazetteer;
        this.countries = countries;
        this.titles = new OfficeTitles(gazetteer);
        this.eventVerbs = lexicon.syntax.verbs.values();
        this.privateNouns = lexicon.privateNouns;
        this.legislativeNouns = lexicon.legislativeTitles;
        this.governmentNouns = lexicon.governmentNouns;
        this.namingNouns = lexicon.namingNouns;
    }

    /** Countries from the shipped world-wide country knowledge. */
    public TextActorReader(Gazetteer gazetteer) {
        this(gazetteer, CountryFinder.of(CountryKnowledge.loadDefault()));
    }

    /** As {@link #TextActorReader(Gazetteer)}, with the extractor's lexicon instead of the shipped one. */
    public TextActorReader(Gazetteer gazetteer, Lexicon lexicon) {
        this(gazetteer, CountryFinder.of(CountryKnowledge.loadDefault()), KnownPeople.loadDefault(), lexicon);
    }

    /**
     * @param language ISO 639-1 code of the sentence
     * @param context  the people the article named before this sentence
     * @param date     the event's (or article's) date, which decides who held an office; null: no holder resolves
     */
    public SentenceActors read(ParsedSentence sentence, String language, ActorContext context, LocalDate date) {
        return new Reading(sentence, language, context, date).read();
    }

    /**
     * A sentence that was not parsed: countries, gazetteer names, surnames of the article's people and offices
     * still resolve; names unknown to both need the NER. Countries that look like part of a name are dropped.
     */
    public SentenceActors readText(String sentence, String language, ActorContext context, LocalDate date) {
        return read(new ParsedSentence(sentence, List.of(), List.of(), List.of()), language, context, date);
    }

    /** The state of reading one sentence. */
    private final class Reading {
        private final ParsedSentence s;
        private final String text;
        private final ActorContext context;
        private final LocalDate date;
        private List<EntityMention> people;
        private final List<CountryFinder.Hit> hits;
        private final List<OfficeTitles.Title> sentenceTitles;
        private final Set<OfficeTitles.Title> claimed = new HashSet<>();
        private final Set<CountryFinder.Hit> consumed = new HashSet<>();
        private final List<ActorMention> found = new ArrayList<>();

        Reading(ParsedSentence s, String language, ActorContext context, LocalDate date) {
            this.s = s;
            this.text = s.text();
            this.context = context;
            this.date = date;
            this.people = s.entities().stream().filter(e -> PERSON_TYPES.contains(e.type())).toList();
            // The person-name guard: a country name inside a person's name is no country.
            boolean withoutNer = s.tokens().isEmpty();
            this.hits = countries.find(text, language, date).stream()
                    .filter(h -> people.stream().noneMatch(p -> h.begin() < p.end() && p.begin() < h.end()))
                    .filter(h -> !(withoutNer && h.looksLikePartOfName()))
                    .toList();
            this.sentenceTitles = titles.find(s, hits);
            this.people = withNamesAfterTitles(people);
        }

        /**
         * NER often swallows a title's last word and the name after it into one ORG ("secretario de Estado Marco
         * Rubio" as ORG "Estado Marco Rubio"): two or more proper nouns right after a title are a person's name.
         */
        private List<EntityMention> withNamesAfterTitles(List<EntityMention> found) {
            List<EntityMention> all = new ArrayList<>(found);
            for (EntityMention e : s.entities()) {
                if (!ORGANISATION_TYPES.contains(e.type())) {
                    continue;
                }
                for (OfficeTitles.Title t : sentenceTitles) {
                    int titleEnd = t.core().end();
                    if (t.core().start() >= e.begin() || titleEnd <= e.begin() || titleEnd >= e.end()) {
                        continue;
                    }
                    int first = e.firstToken();
                    while (first < e.endToken() && s.tokens().get(first).begin() < titleEnd) {
                        first++;
                    }
                    boolean properNouns = e.endToken() - first >= 2;
                    for (int i = first; i < e.endToken() && properNouns; i++) {
                        String pos = s.tokens().get(i).pos() == null ? "" : s.tokens().get(i).pos();
                        properNouns = pos.equals("PROPN") || pos.startsWith("NNP");
                    }
                    if (properNouns) {
                        int begin = s.tokens().get(first).begin();
                        all.add(new EntityMention("PERSON", first, e.endToken(), text.substring(begin, e.end()), begin,
                                e.end()));
                    }
                }
            }
            all.sort(Comparator.comparingInt(EntityMention::begin));
            return List.copyOf(all);
        }

        SentenceActors read() {
            readPeople();
            readGazetteerNames();
            readHolderDescriptions();
            readSurnamesOfContext();
            readOffices();
            readForeignMinistries();
            readOrganisations();
            readCountries();
            found.sort(Comparator.comparing(ActorMention::span));
            ActorContext next = context.with(found.stream().map(ActorMention::actor).toList());
            return new SentenceActors(found, next);
        }

        private void readPeople() {
            List<Span> names = new ArrayList<>();
            for (EntityMention e : people) {
                names.add(nameSpan(e));
            }
            // A title followed by a name belongs to that name first ("el canciller X y el secretario Y").
            for (int i = 0; i < people.size(); i++) {
                Span name = names.get(i);
                if (name == null) {
                    continue;
                }
                OfficeTitles.Title before = titleRightBefore(name);
                if (before != null) {
                    claimed.add(before);
                }
            }
            for (int i = 0; i < people.size(); i++) {
                Span name = names.get(i);
                if (name == null || overlapsFound(name)) {
                    continue;
                }
                OfficeTitles.Title title = titleRightBefore(name);
                boolean adjacent = title != null;
                if (title == null) {
                    title = titleByDependency(people.get(i));
                }
                if (title == null) {
                    title = titleRightAfter(name);
                    adjacent = title != null;
                }
                if (title != null) {
                    claimed.add(title);
                    consumed.addAll(title.qualifiers());
                }
                Span span = adjacent ? union(name, title.extent()) : name;
                ActorMention person = person(name, title, span);
                if (namesAGovernment(span)) {
                    // "Reagan Administration officials said", "el gobierno de Dilma Rousseff": the state speaks.
                    if (person.actor().country() != null) {
                        found.add(new ActorMention(gazetteer.countryActor(person.actor().country()), span,
                                Via.COUNTRY_NAME));
                    }
                    continue;
                }
                found.add(person);
            }
        }

        /** The name is that of a government: "<Name> administration" (English), "el gobierno de <Name>" (Spanish). */
        private boolean namesAGovernment(Span name) {
            Matcher after = WORD_AFTER.matcher(text.substring(name.end()));
            Matcher before = GOVERNMENT_BEFORE.matcher(text.substring(0, name.start()));
            return after.lookingAt() && governmentNouns.contains(fold(after.group(1)))
                    || before.find() && governmentNouns.contains(fold(before.group(1)));
        }

        /** The entity without a title the NER left inside it ("Canciller Marcelo Ebrard") and without "'s". */
        private Span nameSpan(EntityMention e) {
            int start = e.begin();
            for (OfficeTitles.Title t : sentenceTitles) {
                if (t.core().start() <= start && start < t.core().end()) {
                    start = t.extent().end();
                }
            }
            int entityEnd = e.end();
            Matcher particles = SURNAME_PARTICLES_AFTER.matcher(text.substring(entityEnd));
            if (particles.lookingAt()) {
                entityEnd += particles.end(); // "Juan Ramon de la Fuente": NER often stops before the particle.
            }
            String name = text.substring(Math.min(start, entityEnd), entityEnd);
            int end = start + POSSESSIVE_END.matcher(name).replaceFirst("").length();
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            return start < end ? new Span(start, end) : null;
        }

        private OfficeTitles.Title titleRightBefore(Span name) {
            for (OfficeTitles.Title t : sentenceTitles) {
                if (t.extent().end() <= name.start()
                        && TITLE_BEFORE_NAME.matcher(text.substring(t.extent().end(), name.start())).matches()) {
                    return t;
                }
            }
            return null;
        }

        private OfficeTitles.Title titleRightAfter(Span name) {
            for (OfficeTitles.Title t : sentenceTitles) {
                if (!claimed.contains(t) && t.extent().start() >= name.end()
                        && TITLE_AFTER_NAME.matcher(fold(text.substring(name.end(), t.extent().start()))).matches()) {
                    return t;
                }
            }
            return null;
        }

        private OfficeTitles.Title titleByDependency(EntityMention person) {
            for (Dependency d : s.dependencies()) {
                if (d.head() < 0 || !LINKING_RELATIONS.contains(OfficeTitles.base(d.relation()))) {
                    continue;
                }
                boolean headInPerson = inEntity(d.head(), person);
                boolean dependentInPerson = inEntity(d.dependent(), person);
                if (headInPerson == dependentInPerson) {
                    continue;
                }
                var other = s.tokens().get(headInPerson ? d.dependent() : d.head());
                for (OfficeTitles.Title t : sentenceTitles) {
                    if (!claimed.contains(t) && other.begin() >= t.core().start() && other.end() <= t.core().end()) {
                        return t;
                    }
                }
            }
            return null;
        }

        private boolean inEntity(int token, EntityMention e) {
            return token >= e.firstToken() && token < e.endToken();
        }

        private ActorMention person(Span name, OfficeTitles.Title title, Span span) {
            String written = text.substring(name.start(), name.end());
            List<String> words = PersonNames.words(written);
            Optional<Actor> known = gazetteerPerson(written);
            if (known.isEmpty() && title != null && title.core().end() <= name.start()) {
                // "embajador Johnson", "Ambassador Johnson": aliases that include the title.
                known = gazetteerPerson(text.substring(title.core().start(), name.end()));
            }
            if (known.isPresent()) {
                return new ActorMention(known.get(), span, Via.NAME);
            }
            String country = title != null && title.country() != null ? title.country() : nationality(name);
            Optional<KnownPeople.Holder> holder = country != null ? Optional.empty()
                    : knownPeople.lookup(written, date);
            if (holder.isPresent()) {
                // "President Reagan today had talks with ...": the text says whose president only to its readers.
                country = holder.get().country();
            }
            Optional<Actor> same = context.byName(words, false);
            if (same.isPresent() && (country == null || !same.get().countries().isEmpty())) {
                return new ActorMention(same.get(), span, Via.PERSON_NAME);
            }
            Optional<Actor> bySurname = context.byName(words, true);
            if (bySurname.isPresent()) {
                Actor earlier = bySurname.get();
                if (country == null || !earlier.countries().isEmpty()) {
                    return new ActorMention(earlier, span, Via.SURNAME);
                }
                // "Peña Nieto, el mandatario mexicano": the earlier reading, now with its country.
                return new ActorMention(personActor(earlier.name(), country, title), span, Via.SURNAME);
            }
            if (holder.isPresent()) {
                return new ActorMention(knownActor(holder.get(), title), span, Via.PERSON_NAME);
            }
            return new ActorMention(personActor(written.strip(), country, title), span, Via.PERSON_NAME);
        }

        /** A known holder under their full name, so "Reagan" and "Ronald Reagan" are one actor across articles. */
        private Actor knownActor(KnownPeople.Holder h, OfficeTitles.Title title) {
            List<String> roles = title != null ? List.of(title.roleId())
                    : date != null && h.covers(date) ? List.of(h.role()) : List.of();
            return new Actor("person:" + h.country() + ":" + PersonNames.slug(h.name()), ActorType.PERSON, h.name(),
                    List.of(h.country()), roles, null, title == null ? null : title.host());
        }

        /** Id: folded name without titles, plus country, so two articles naming one person give one actor. */
        private Actor personActor(String name, String country, OfficeTitles.Title title) {
            List<String> roles = title != null ? List.of(title.roleId()) : List.of();
            String id = "person:" + (country == null ? "" : country + ":") + PersonNames.slug(name);
            return new Actor(id, ActorType.PERSON, name, country == null ? List.of() : List.of(country),
                    roles, null, title == null ? null : title.host());
        }

        private Optional<Actor> gazetteerPerson(String name) {
            int length = name.strip().length();
            int offset = name.indexOf(name.strip());
            return gazetteer.findNamed(name).stream()
                    .filter(m -> m.actor().type() == ActorType.PERSON && m.via() == Via.NAME)
                    .filter(m -> m.span().start() == offset && m.span().end() == offset + length)
                    .map(ActorMention::actor).findFirst();
        }

        /**
         * "el mexicano Juan Pérez": a demonym right before the name, or one the parse attaches to it; "los
         * presidentes de México, Enrique Peña Nieto, y de Estados Unidos, Barack Obama": a "de X," right before it.
         */
        private String nationality(Span name) {
            for (CountryFinder.Hit h : hits) {
                if (h.end() > name.start()) {
                    continue;
                }
                String gap = text.substring(h.end(), name.start());
                boolean demonymBefore = h.demonym() && gap.isBlank();
                boolean ofCountryBefore = !h.demonym() && gap.matches("\\s*,\\s*")
                        && OF_BEFORE.matcher(fold(text.substring(Math.max(0, h.begin() - 8), h.begin()))).find();
                if (demonymBefore || ofCountryBefore) {
                    consumed.add(h);
                    return h.code();
                }
            }
            for (Dependency d : s.dependencies()) {
                if (d.head() < 0 || !OfficeTitles.base(d.relation()).equals("amod")) {
                    continue;
                }
                var head = s.tokens().get(d.head());
                var dependent = s.tokens().get(d.dependent());
                if (head.begin() >= name.start() && head.end() <= name.end()) {
                    String code = demonymAt(dependent);
                    if (code != null) {
                        return code;
                    }
                }
            }
            return appositionNationality(name);
        }

        /**
         * "his Swedish counterpart, Eva Lund", "su homólogo sueco, Eva Lund": the noun the name is in apposition to
         * carries the demonym; a noun the office titles do not know (counterpart) gives no title, only the country.
         */
        private String appositionNationality(Span name) {
            for (Dependency appos : s.dependencies()) {
                if (appos.head() < 0 || !OfficeTitles.base(appos.relation()).equals("appos")) {
                    continue;
                }
                var noun = s.tokens().get(appos.head());
                var dependent = s.tokens().get(appos.dependent());
                boolean fromName = dependent.begin() >= name.start() && dependent.end() <= name.end();
                if (!fromName || noun.begin() >= name.start() && noun.end() <= name.end()) {
                    continue;
                }
                for (Dependency d : s.dependencies()) {
                    if (d.head() != appos.head() || !OfficeTitles.base(d.relation()).equals("amod")) {
                        continue;
                    }
                    String code = demonymAt(s.tokens().get(d.dependent()));
                    if (code != null) {
                        return code;
                    }
                }
            }
            return null;
        }

        /** The country of the demonym the token is part of, consumed so no other reading takes it; or null. */
        private String demonymAt(Token token) {
            for (CountryFinder.Hit h : hits) {
                if (h.demonym() && token.begin() >= h.begin() && token.end() <= h.end()) {
                    consumed.add(h);
                    return h.code();
                }
            }
            return null;
        }

        /** People and bodies the user's gazetteer knows by name or handle, where the NER found nobody. */
        private void readGazetteerNames() {
            for (ActorMention m : gazetteer.findNamed(text)) {
                if (overlapsFound(m.span()) || insideLargerEntity(m.span()) || anotherCountrysInstitution(m)) {
                    continue;
                }
                found.add(m.actor().type() == ActorType.ORGANISATION ? qualifiedOrganisation(m) : m);
            }
        }

        /** "la Cancillería de Chile" read as one ministry of Chile: not the gazetteer's Mexican "Cancillería". */
        private boolean anotherCountrysInstitution(ActorMention m) {
            return hits.stream().anyMatch(h -> h.institution() && overlaps(new Span(h.begin(), h.end()), m.span())
                    && !m.actor().countries().contains(h.code()));
        }

        /** "Relaciones Exteriores" inside "Ministerio de Relaciones Exteriores de Japón" is read with the whole name. */
        private boolean insideLargerEntity(Span span) {
            return s.entities().stream().anyMatch(e -> (ORGANISATION_TYPES.contains(e.type()) || PERSON_TYPES.contains(e.type()))
                    && e.begin() <= span.start() && span.end() <= e.end() && e.end() - e.begin() > span.end() - span.start());
        }

        /** "la Cancillería chilena": a known body's name with another country's qualifier is that country's body. */
        private ActorMention qualifiedOrganisation(ActorMention m) {
            CountryFinder.Hit q = qualifierOf(m.span());
            if (q == null) {
                return m;
            }
            consumed.add(q);
            Span extent = union(m.span(), new Span(q.begin(), q.end()));
            if (m.actor().countries().contains(q.code())) {
                return new ActorMention(m.actor(), extent, m.via());
            }
            String written = text.substring(m.span().start(), m.span().end());
            Actor org = new Actor("org:" + q.code() + ":" + PersonNames.slug(written), ActorType.ORGANISATION, written,
                    List.of(q.code()), List.of(), null);
            return new ActorMention(org, extent, Via.ORGANISATION_NAME);
        }

        /** A country right before ("Japanese", "Japan's") or right after ("chilena", "de Chile") a name. */
        private CountryFinder.Hit qualifierOf(Span name) {
            for (CountryFinder.Hit h : hits) {
                boolean after = h.begin() >= name.end()
                        && ADJACENT_QUALIFIER_AFTER.matcher(fold(text.substring(name.end(), h.begin()))).matches();
                boolean before = h.end() <= name.start()
                        && text.substring(h.end(), name.start()).matches("\\s*(?:['\u2019]s)?\\s*");
                if (after || before) {
                    return h;
                }
            }
            return null;
        }

        /**
         * Descriptions the gazetteer gives to one holder ("embajador de Estados Unidos en México"): that holder only
         * while one of their terms covers the date; otherwise the words are read as a title like any other.
         */
        private void readHolderDescriptions() {
            for (ActorMention m : gazetteer.findDescribedHolders(text)) {
                boolean inTerm = gazetteer.terms(m.actor().id()).stream()
                        .anyMatch(t -> m.actor().roles().stream().anyMatch(r -> t.covers(r, date)));
                if (inTerm && !overlapsFound(m.span())) {
                    sentenceTitles.stream().filter(t -> overlaps(t.extent(), m.span())).forEach(t -> {
                        claimed.add(t);
                        consumed.addAll(t.qualifiers());
                    });
                    hits.stream().filter(h -> overlaps(new Span(h.begin(), h.end()), m.span())).forEach(consumed::add);
                    found.add(m);
                }
            }
        }

        /** "Shultz" where the NER tagged nothing: a capitalised surname of someone named earlier. */
        private void readSurnamesOfContext() {
            if (context.people().isEmpty()) {
                return;
            }
            Matcher run = CAPITALISED_RUN.matcher(text);
            while (run.find()) {
                List<Span> words = new ArrayList<>();
                Matcher w = WORD.matcher(run.group());
                while (w.find()) {
                    words.add(new Span(run.start() + w.start(), run.start() + w.end()));
                }
                // Longest run of words first: "Según Kerry" holds "Kerry", "Peña Nieto" before "Nieto".
                for (int length = words.size(); length >= 1; length--) {
                    for (int first = 0; first + length <= words.size(); first++) {
                        Span span = new Span(words.get(first).start(), words.get(first + length - 1).end());
                        if (overlapsFound(span)) {
                            continue;
                        }
                        List<String> name = PersonNames.words(text.substring(span.start(), span.end()));
                        context.byName(name, false).or(() -> context.byName(name, true))
                                .ifPresent(a -> found.add(new ActorMention(a, span, Via.SURNAME)));
                    }
                }
            }
        }

        private void readOffices() {
            for (OfficeTitles.Title t : sentenceTitles) {
                if (claimed.contains(t) || !t.known() || overlapsFound(t.extent()) || followedByUnknownName(t)) {
                    continue;
                }
                office(t).ifPresent(a -> {
                    consumed.addAll(t.qualifiers());
                    boolean holder = !a.id().startsWith("office:");
                    found.add(new ActorMention(a, t.extent(), holder ? Via.ROLE : Via.OFFICE));
                });
            }
        }

        /**
         * Who the title names: the one person of the article holding it, else the gazetteer's holder on the date,
         * else the office itself; a title naming no country resolves only through the article.
         */
        private Optional<Actor> office(OfficeTitles.Title t) {
            // People named earlier in this very sentence count too: "…Alejandro Ibarra Solís… la visita que el
            // canciller mexicano realizará".
            ActorContext soFar = context.with(found.stream().map(ActorMention::actor).toList());
            List<Actor> inArticle = soFar.holding(t.roleId(), t.country());
            if (inArticle.size() == 1) {
                return Optional.of(inArticle.get(0));
            }
            if (t.country() == null) {
                return Optional.empty();
            }
            List<Actor> holders = gazetteer.holdersOn(t.roleId(), t.country(), date).stream()
                    // An envoy is an envoy somewhere: the holder must be accredited where the text says.
                    .filter(a -> java.util.Objects.equals(t.host(), a.accreditedTo()))
                    .toList();
            if (holders.size() == 1) {
                return Optional.of(holders.get(0));
            }
            String id = "office:" + t.country() + ":" + t.roleId() + (t.host() == null ? "" : "-to-" + t.host());
            String name = t.roleId().replace('-', ' ') + " (" + t.country() + (t.host() == null ? "" : " to " + t.host()) + ")";
            return Optional.of(new Actor(id, ActorType.PERSON, name, List.of(t.country()), List.of(t.roleId()), null,
                    t.host()));
        }

        /** "el presidente Nicolás Maduro" where the NER missed the name: the name decides, not the title. */
        private boolean followedByUnknownName(OfficeTitles.Title t) {
            Matcher m = NEXT_PROPER_NAME.matcher(text.substring(t.extent().end()));
            if (!m.find()) {
                return false;
            }
            int at = t.extent().end() + m.end() - 1;
            if (hits.stream().anyMatch(h -> h.begin() <= at && at < h.end())) {
                return false;
            }
            // What the NER or the tagger says the word is ("Monday": DATE) outranks its capital letter.
            return s.tokens().stream().filter(k -> k.begin() <= at && at < k.end()).findFirst()
                    .map(k -> k.ner().equals("O") && (k.pos().equals("PROPN") || k.pos().equals("X")))
                    .orElse(true);
        }

        /**
         * "Japan's Foreign Ministry", "el Itamaraty": one actor per country's foreign ministry, across articles; the
         * gazetteer's when it lists one ("Mexico's foreign ministry" is the SRE its other reports name).
         */
        private void readForeignMinistries() {
            for (CountryFinder.Hit h : hits) {
                Span span = new Span(h.begin(), h.end());
                if (h.kind() != CountryFinder.Kind.FOREIGN_MINISTRY || consumed.contains(h) || overlapsFound(span)) {
                    continue;
                }
                consumed.add(h);
                Actor ministry = gazetteer.foreignMinistry(h.code()).orElseGet(() -> new Actor(
                        "org:" + h.code() + ":foreign-ministry", ActorType.ORGANISATION,
                        text.substring(h.begin(), h.end()), List.of(h.code()), List.of(), null));
                found.add(new ActorMention(ministry, span, Via.ORGANISATION_NAME));
            }
        }

        /** ORG entities whose name or qualifier names a country ("Ministerio de Relaciones Exteriores de Japón"). */
        private void readOrganisations() {
            for (EntityMention e : s.entities()) {
                Span span = new Span(e.begin(), e.end());
                if (!ORGANISATION_TYPES.contains(e.type()) || overlapsFound(span)) {
                    continue;
                }
                Optional<ActorMention> known = gazetteer.findNamed(e.text()).stream()
                        .filter(m -> m.span().start() == 0 && m.span().end() == e.text().length()).findFirst();
                if (known.isPresent()) {
                    found.add(qualifiedOrganisation(new ActorMention(known.get().actor(), span, known.get().via())));
                    continue;
                }
                List<CountryFinder.Hit> inside = hits.stream()
                        .filter(h -> h.begin() >= e.begin() && h.end() <= e.end()).toList();
                CountryFinder.Hit country = inside.isEmpty() ? qualifierOf(span) : inside.get(0);
                if (country == null || !organisationName(e, inside)) {
                    continue;
                }
                consumed.add(country);
                Span extent = union(span, new Span(country.begin(), country.end()));
                String ownName = (text.substring(e.begin(), Math.max(e.begin(), Math.min(e.end(), country.begin())))
                        + " " + text.substring(Math.min(e.end(), Math.max(e.begin(), country.end())), e.end())).strip();
                String slug = PersonNames.slug(ownName.replaceAll("(?i)\\s+(?:de|del|of)$", ""));
                Actor org = new Actor("org:" + country.code() + ":" + (slug.isEmpty() ? PersonNames.slug(e.text()) : slug),
                        ActorType.ORGANISATION, e.text(), List.of(country.code()), List.of(), null);
                found.add(new ActorMention(org, extent, Via.ORGANISATION_NAME));
            }
        }

        /**
         * NER often tags a headline verb and its countries as one ORG ("Acuerdan México y Chile"): an organisation
         * names one country at most and has a noun of its own (not an event verb) besides the country's name.
         */
        private boolean organisationName(EntityMention e, List<CountryFinder.Hit> inside) {
            if (inside.size() > 1) {
                return false;
            }
            for (int i = e.firstToken(); i < e.endToken(); i++) {
                var t = s.tokens().get(i);
                boolean inCountry = inside.stream().anyMatch(h -> t.begin() >= h.begin() && t.end() <= h.end());
                String pos = t.pos() == null ? "" : t.pos();
                String folded = fold(t.word());
                boolean eventVerb = eventVerbs.stream().anyMatch(w -> w.matches(folded));
                if (!inCountry && !eventVerb && (pos.startsWith("NN") || pos.equals("NOUN") || pos.equals("PROPN"))) {
                    return true;
                }
            }
            return inside.isEmpty();
        }

        private void readCountries() {
            for (CountryFinder.Hit h : hits) {
                Span span = new Span(h.begin(), h.end());
                if (consumed.contains(h) || overlapsFound(span)) {
                    continue;
                }
                if (h.demonym() && onPrivateNoun(h) || !h.demonym() && namesAThing(h) || onLegislators(h)) {
                    continue;
                }
                Actor country = gazetteer.countryActor(h.code());
                found.add(new ActorMention(country, span, h.demonym() ? Via.COUNTRY_ADJECTIVE : Via.COUNTRY_NAME));
            }
        }

        /** The word right after the demonym (English order) or right before it (Spanish order) is a private noun. */
        private boolean onPrivateNoun(CountryFinder.Hit h) {
            return wordBeside(h, privateNouns::contains);
        }

        /** The folded word right after the country (English order) or right before it (Spanish order) is one of these. */
        private boolean wordBeside(CountryFinder.Hit h, java.util.function.Predicate<String> words) {
            Matcher after = WORD_AFTER.matcher(text.substring(h.end()));
            Matcher before = WORD_BEFORE.matcher(text.substring(0, h.begin()));
            return after.lookingAt() && words.test(fold(after.group(1)))
                    || before.find() && words.test(fold(before.group(1)));
        }

        /** The word right after the country or right before it names members of a legislature. */
        private boolean onLegislators(CountryFinder.Hit h) {
            return wordBeside(h, w -> legislativeNouns.matcher(w).matches());
        }

        /** "the Uruguay (trade) Round", "la Ronda (de) Uruguay": the name of a negotiation, not its parties. */
        private boolean namesAThing(CountryFinder.Hit h) {
            java.util.regex.Matcher after = TWO_WORDS_AFTER.matcher(text.substring(h.end()));
            if (after.lookingAt() && (namingNouns.contains(fold(after.group(1)))
                    || after.group(2) != null && namingNouns.contains(fold(after.group(2))))) {
                return true;
            }
            java.util.regex.Matcher before = NOUN_BEFORE.matcher(text.substring(0, h.begin()));
            return before.find() && namingNouns.contains(fold(before.group(1)));
        }

        private boolean overlapsFound(Span span) {
            return found.stream().anyMatch(f -> f.span().start() < span.end() && span.start() < f.span().end());
        }
    }

    private static final Pattern WORD_AFTER = Pattern.compile("\\s+(\\p{L}+)");
    private static final Pattern GOVERNMENT_BEFORE = Pattern.compile("(\\p{L}+)\\s+(?:(?:de|del)\\s+)?(?:(?:el|la)\\s+)?$");
    private static final Pattern WORD_BEFORE = Pattern.compile("(\\p{L}+)\\s+$");
    private static final Pattern TWO_WORDS_AFTER = Pattern.compile("\\s+(\\p{L}+)(?:\\s+(\\p{L}+))?");
    private static final Pattern NOUN_BEFORE = Pattern.compile("(\\p{L}+)\\s+(?:de\\s+)?$");

    private static boolean overlaps(Span a, Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private static Span union(Span a, Span b) {
        return new Span(Math.min(a.start(), b.start()), Math.max(a.end(), b.end()));
    }

    private static String fold(String text) {
        return dev.parley.extract.Folding.fold(text);
    }
}
