package dev.parley.extract;


import dev.parley.extract.actors.DatelineCountry;
import dev.parley.extract.actors.OfficeHolders;
import dev.parley.extract.actors.PersonCountries;
import dev.parley.extract.syntax.DependencyTree;
import dev.parley.extract.syntax.EventArguments;
import dev.parley.extract.syntax.OtherClause;
import dev.parley.extract.syntax.EventTrigger;
import dev.parley.extract.syntax.Modality;
import dev.parley.extract.world.CountryKnowledge;
import dev.parley.nlp.ParsedSentence;
import dev.parley.nlp.SentenceParser;
import dev.parley.nlp.corenlp.CoreNlpSentenceParser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Text in, facts out, for one article. Works sentence by sentence: trigger words (lexicon) cut a sentence into
 * clauses; each clause takes the actors and the nearest date expression around its trigger. Within the article,
 * dated reports make events, undated ones attach to the nearest compatible event (a readout's later sentences
 * rarely repeat the date) and only lead sentences, posts and clearly bilateral clauses may stand alone.
 */
public final class ArticleExtractor {

    private final Gazetteer gazetteer;
    private final Lexicon lexicon;
    private final DateResolver dates;
    private final Ontology ontology;
    private final SentenceSplitter splitter;
    private final ParticipantMatcher matcher;
    private final ContextAttacher contextAttacher;
    private final CommitmentReader commitments;
    private final SyntaxStage syntax;
    private final ActorSource actorSource;
    private final DatelineCountry datelines = new DatelineCountry(CountryKnowledge.loadDefault());

    /** Word rules only: no sentence is parsed. */
    public ArticleExtractor(Gazetteer gazetteer, Lexicon lexicon, DateResolver dates, Ontology ontology) {
        this(gazetteer, lexicon, dates, ontology, null);
    }

    /** With a parser, sentences that can carry an event are read by syntax (triggers, participants, dates). */
    public ArticleExtractor(Gazetteer gazetteer, Lexicon lexicon, DateResolver dates, Ontology ontology,
                            SentenceParser parser) {
        this(gazetteer, lexicon, dates, ontology, parser, ActorSource.of(gazetteer));
    }

    public ArticleExtractor(Gazetteer gazetteer, Lexicon lexicon, DateResolver dates, Ontology ontology,
                            SentenceParser parser, ActorSource actorSource) {
        this.syntax = new SyntaxStage(parser, SyntaxStage.loadDefaultLexicon());
        this.actorSource = actorSource;
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
        this.dates = dates;
        this.ontology = ontology;
        this.splitter = new SentenceSplitter(dates);
        this.matcher = new ParticipantMatcher(gazetteer);
        this.contextAttacher = new ContextAttacher(gazetteer, lexicon, ontology);
        this.commitments = new CommitmentReader(gazetteer, lexicon, dates, ontology);
    }

    /**
     * The shipped rules with the CoreNLP parser (its pipelines load once per JVM, on first use, and are shared) and
     * actors read from the text, the shipped gazetteer as knowledge.
     */
    public static ArticleExtractor withDefaults() {
        return withTextActors(Gazetteer.loadDefault());
    }

    /** Actors only from the gazetteer's names: people it does not list are not read ({@code --actors gazetteer}). */
    public static ArticleExtractor withGazetteerActors(Gazetteer gazetteer) {
        return new ArticleExtractor(gazetteer, Lexicon.loadDefault(), DateResolver.loadDefault(),
                Ontology.loadDefault(), new CoreNlpSentenceParser());
    }

    /**
     * The shipped rules with CoreNLP and actors read from the text (people with office and country, offices,
     * organisations, world-wide countries); the gazetteer is optional knowledge (people it knows keep its ids).
     */
    public static ArticleExtractor withTextActors() {
        return withTextActors(Gazetteer.loadDefault());
    }

    /** As {@link #withTextActors()}, with the given gazetteer as the user's knowledge. */
    public static ArticleExtractor withTextActors(Gazetteer gazetteer) {
        return new ArticleExtractor(gazetteer, Lexicon.loadDefault(), DateResolver.loadDefault(), Ontology.loadDefault(),
                new CoreNlpSentenceParser(), ActorSource.of(new dev.parley.extract.actors.TextActorReader(gazetteer)));
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public Ontology ontology() {
        return ontology;
    }

    public ArticleFacts extract(ArticleInput input) {
        String text = input.text();
        LocalDate published = input.publishedAt();
        List<Sentence> sentences = splitter.split(text, published);
        int lead = leadIndex(input, sentences);
        List<Span> quoteRegions = ContextAttacher.quoteRegions(text);
        Optional<String> dateline = datelines.of(input.body(), input.language(), published);
        int bodyStart = text.length() - input.body().length();
        Span datelineSpan = new Span(bodyStart, bodyStart + datelines.end(input.body()));
        List<Actor> context = new ArrayList<>();
        Map<Integer, List<ActorMention>> actorsBySentence = new LinkedHashMap<>();
        List<Mention> mentions = new ArrayList<>();
        Set<String> actorIds = new TreeSet<>();

        Map<Integer, ParsedSentence> parses = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            ParsedSentence parse = syntax.parseIfCandidate(s, input.language(), wordTrigger(s));
            parses.put(s.index(), parse);
            List<ActorMention> read = PersonCountries.complete(actorSource.find(s, parse, input.language(), context,
                    published), s.text(), dateline);
            actorsBySentence.put(s.index(), shift(read, s.span().start()));
            read.forEach(a -> {
                if (!context.contains(a.actor())) {
                    context.add(a.actor());
                }
            });
        }
        // A person named before the text says their country ("Rousseff ... la mandataria brasileña Dilma Rousseff").
        actorsBySentence.replaceAll((index, actors) -> PersonCountries.fromArticle(actors, context));
        List<ActorMention> all = actorsBySentence.values().stream().flatMap(List::stream).toList();
        actorsBySentence.replaceAll((index, actors) -> OfficeHolders.fromArticle(actors, all));
        for (Sentence s : sentences) {
            List<ActorMention> actors = actorsBySentence.get(s.index());
            for (ActorMention a : actors) {
                if (a.actor().isKeyActor()) {
                    actorIds.add(a.actor().id());
                }
            }
            ParsedSentence parse = parses.get(s.index());
            SyntacticReading reading = parse == null ? null : syntax.read(parse, input.language());
            List<ActorMention> previous = actorsBySentence.getOrDefault(s.index() - 1, List.of());
            List<Mention> ms = mentionsOf(s, actors, quoteRegions, published, mentions, reading, previous,
                    datelineSpan);
            mentions.addAll(ms);
        }
        addPostStatements(sentences, actorsBySentence, mentions, context);
        mentions.sort(Comparator.comparingInt((Mention m) -> m.sentence.index()).thenComparing(m -> m.trigger));

        List<Draft> drafts = new ArrayList<>();
        // Phase 1: reports that carry their own date.
        for (Mention m : mentions) {
            if (!m.hedged && m.date != null && m.connectorAnchor == null) {
                placeDated(m, drafts);
            }
        }
        // Phase 2: undated reports attach to an event of this article, or stand alone when strong enough.
        for (Mention m : mentions) {
            if (m.hedged || m.datedOnly || m.event != null || m.connectorAnchor != null || m.date != null || !strong(m, lead)) {
                continue;
            }
            // A report that could stand alone joins an event of its own group only: a lead demand is not a call.
            Draft target = nearestAttachable(m, drafts, true);
            if (target != null) {
                attach(target, m);
            } else if (international(m)) {
                create(m, drafts, fallbackDate(m, published), m.sentence.inPost() ? DateBasis.POST_DATE
                        : DateBasis.PUBLICATION_FALLBACK, anchorOf(m, published));
            }
        }
        for (Mention m : mentions) {
            // An undated reporting verb only says who spoke; its quotes and stances join the event around it.
            if (m.hedged || m.datedOnly || m.event != null || m.connectorAnchor != null || m.date != null) {
                continue;
            }
            Draft target = nearestAttachable(m, drafts, false);
            if (target != null) {
                attach(target, m);
            }
        }
        // Phase 3: subordinate clauses dated relative to their main clause.
        for (Mention m : mentions) {
            if (m.hedged || m.connectorAnchor == null) {
                continue;
            }
            ResolvedDate anchorDate = m.connectorAnchor.event != null ? m.connectorAnchor.event.date
                    : m.connectorAnchor.date != null ? m.connectorAnchor.date.date() : null;
            if (anchorDate == null) {
                continue;
            }
            if (m.date == null) {
                m.relativeAnchor = anchorDate.first();
                LocalDate shifted = anchorDate.first().plusDays(m.connectorOffset);
                m.date = new DateResolver.DateMention(m.trigger, new ResolvedDate(shifted, m.connectorPrecision), true);
            }
            if (m.keyIds().isEmpty() && ontology.sameGroup(m.kind, m.connectorAnchor.kind)) {
                // "se reunieron ..., un día después de haber conversado": the clause shares its main clause's subject.
                Draft main = m.connectorAnchor.event;
                m.participants.addAll(main != null ? main.participants.values() : m.connectorAnchor.participants);
            }
            placeDated(m, drafts);
        }

        drafts.removeIf(d -> d.mentions.isEmpty());
        contextAttacher.attach(sentences, actorsBySentence, quoteRegions, text, drafts, input.articleId());
        List<ArticleEvent> events = new ArrayList<>();
        Map<Draft, String> ids = new LinkedHashMap<>();
        drafts.sort(Comparator.comparingInt(Draft::firstSentence));
        for (Draft d : drafts) {
            String localId = input.articleId() + "#e" + (events.size() + 1);
            ids.put(d, localId);
            events.add(toEvent(d, localId, input.articleId(), text));
        }
        List<ArticleCommitment> commitments = this.commitments.read(sentences, actorsBySentence, drafts, ids,
                published, input.articleId(), text);
        return new ArticleFacts(input.articleId(), published, input.language(), events, commitments, actorIds);
    }

    /** The title is a sentence of its own; the body's first sentence keeps its role as the lead. */
    static int leadIndex(ArticleInput input, List<Sentence> sentences) {
        if (input.title().isBlank()) {
            return 0;
        }
        int bodyStart = input.text().length() - input.body().length();
        return sentences.stream().filter(s -> s.span().start() >= bodyStart).mapToInt(Sentence::index).findFirst()
                .orElse(0);
    }

    // ---------------------------------------------------------------- mentions

    private boolean wordTrigger(Sentence s) {
        String folded = Folding.fold(s.text());
        for (Lexicon.Trigger t : lexicon.triggers) {
            Matcher m = t.pattern().matcherOrNull(folded);
            if (m != null && m.find()) {
                return true;
            }
        }
        return false;
    }

    private List<Mention> mentionsOf(Sentence s, List<ActorMention> actors, List<Span> quoteRegions,
                                     LocalDate published, List<Mention> earlier, SyntacticReading reading,
                                     List<ActorMention> previousSentence, Span dateline) {
        String folded = Folding.fold(s.text());
        int base = s.span().start();
        List<Lexicon.Trigger> found = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (Lexicon.Trigger t : lexicon.triggers) {
            Matcher m = t.pattern().matcherOrNull(folded);
            while (m != null && m.find()) {
                Span span = new Span(base + m.start(), base + m.end());
                if (spans.stream().anyMatch(o -> o.start() < span.end() && span.start() < o.end())) {
                    continue;
                }
                // Longer trigger phrases win over shorter ones inside them (lexicon order is not length order).
                spans.add(span);
                found.add(t);
            }
        }
        if (found.isEmpty() && (reading == null || reading.triggers().stream().noneMatch(EventTrigger::asserted))) {
            return List.of();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(spans::get));

        List<int[]> connectors = new ArrayList<>();
        for (Lexicon.Connector c : lexicon.connectors) {
            Matcher m = c.pattern().matcher(folded);
            while (m.find()) {
                int start = base + m.start();
                if (connectors.stream().noneMatch(x -> x[0] <= start && start < x[1])) {
                    connectors.add(new int[]{start, base + m.end(), c.offsetDays(), c.precision().ordinal()});
                }
            }
        }
        List<Mention> out = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            Mention m = new Mention();
            m.kind = found.get(i).kind();
            m.datedOnly = found.get(i).datedOnly();
            m.sentence = s;
            m.trigger = spans.get(i);
            int segStart = k == 0 ? s.span().start() : spans.get(i).start();
            int segEnd = k == order.size() - 1 ? s.span().end() : spans.get(order.get(k + 1)).start();
            Mention previous = out.isEmpty() ? null : out.get(out.size() - 1);
            for (int[] c : connectors) {
                if (previous != null && c[0] >= previous.trigger.end() && c[0] < m.trigger.start()) {
                    // "... unos días después de que Trump reiterara la amenaza": the clause after the connector is
                    // an earlier event, dated from the main clause.
                    m.connectorAnchor = previous;
                    m.connectorOffset = c[2];
                    m.connectorPrecision = DatePrecision.values()[c[3]];
                    segStart = c[0];
                    previous.segment = new Span(previous.segment.start(), Math.min(previous.segment.end(), c[0]));
                }
                if (c[0] >= m.trigger.end() && c[0] < segEnd) {
                    segEnd = c[0];
                }
            }
            m.segment = new Span(segStart, segEnd);
            // Hedged: "una posible llamada", "podría reunirse" — in the clause up to three words after the trigger,
            // not in what was said ("said that Ottawa would honour ..."). Threats are conditional by nature.
            Matcher after = java.util.regex.Pattern.compile("^(?:\\W+\\w+){0,3}")
                    .matcher(folded.substring(m.trigger.end() - base, segEnd - base));
            int hedgeEnd = m.trigger.end() + (after.find() ? after.end() : 0);
            m.hedged = m.kind != EventKind.THREAT
                    && lexicon.hedges.matcher(folded.substring(segStart - base, hedgeEnd - base)).find();
            out.add(m);
        }
        // Clauses of one group with no actor between their triggers are one report ("dialogó este domingo vía
        // telefónica con ...").
        for (int k = out.size() - 1; k > 0; k--) {
            Mention later = out.get(k);
            Mention earlierClause = out.get(k - 1);
            boolean actorBetween = actors.stream().anyMatch(a -> a.span().start() >= earlierClause.trigger.end()
                    && a.span().start() < later.trigger.start());
            if (!actorBetween && later.connectorAnchor == null && ontology.sameGroup(later.kind, earlierClause.kind)) {
                earlierClause.segment = new Span(earlierClause.segment.start(), later.segment.end());
                earlierClause.mergedKinds.addAll(later.mergedKinds);
                if (ontology.info(later.kind).priority() > ontology.info(earlierClause.kind).priority()) {
                    // "señaló que ... y exigió a México": the report is a demand.
                    earlierClause.mergedKinds.add(earlierClause.kind);
                    earlierClause.kind = later.kind;
                } else {
                    earlierClause.mergedKinds.add(later.kind);
                }
                earlierClause.datedOnly &= later.datedOnly;
                out.remove(k);
            }
        }
        if (reading != null) {
            addSyntacticTriggers(s, reading, out);
        }
        for (Mention m : out) {
            for (ActorMention a : actors) {
                if (a.span().start() >= m.segment.start() && a.span().start() < m.segment.end() && !instigator(a, s)) {
                    m.actors.add(a);
                }
            }
            if (reading != null) {
                m.actors.removeIf(a -> inOtherClause(a, m, reading, out, base));
            }
            if (m.syntax != null) {
                participantsBySyntax(m, s, reading, actors, previousSentence);
            }
        }
        List<DateResolver.DateMention> dateMentions = shiftDates(dates.findAll(s.text(), published), base);
        for (DateResolver.DateMention written : dateMentions) {
            if (dateline.contains(written.span().start())) {
                continue;
            }
            boolean quotedOrPosted = s.inPost() || quoteRegions.stream().anyMatch(q -> q.contains(written.span().start()));
            if (written.relative() && quotedOrPosted) {
                // "hoy" in a quoted readout or a post is the day of that text, which we do not know.
                continue;
            }
            EventTrigger dated = reading == null ? null : syntax.dates().dated(reading.tree(), reading.triggers(),
                    written.span().start() - base, written.span().end() - base);
            DateResolver.DateMention d = pastIfAsserted(written, dated, s, published);
            if (d.date().first().isAfter(published)) {
                // A report of an event is written after it: later dates are due dates of commitments.
                continue;
            }
            if (reading != null) {
                Mention owner = dated == null ? null
                        : out.stream().filter(m -> m.syntax == dated).findFirst().orElse(null);
                int nearestTrigger = out.stream().mapToInt(m -> m.trigger.distanceTo(d.span())).min().orElse(0);
                if (owner != null && !owner.dateBySyntax && owner.segment.contains(d.span().start())
                        && owner.trigger.distanceTo(d.span()) <= nearestTrigger) {
                    // Within its own clause only, and only where no other trigger is nearer: long sentences are
                    // where parses fail, and a clause dated from its main clause keeps that reading.
                    // The date modifies this trigger ("acordaron este martes"), wherever it stands.
                    owner.date = d;
                    owner.dateBySyntax = true;
                    continue;
                }
                if (datesSomethingElse(reading, d, base, nearestTrigger)) {
                    continue;
                }
            }
            Mention nearest = out.stream()
                    // "acordaron reunirse el martes": a date after an agreement is when the agreed thing is due.
                    .filter(m -> !(m.kind == EventKind.AGREEMENT_COMMITMENT && d.span().start() >= m.trigger.end()))
                    .min(Comparator.comparingInt((Mention m) -> m.trigger.distanceTo(d.span()))
                    .thenComparingInt(m -> m.trigger.start())).orElse(null);
            if (nearest == null) {
                continue;
            }
            if (nearest.date == null && !nearest.dateBySyntax) {
                nearest.date = d;
            }
        }
        boolean ordered = false;
        for (Mention m : out) {
            buildParticipants(m, s, actors, folded, earlier, out);
            // What follows an order to one's own minister ("pidió al canciller comunicarse con ...") is its content,
            // not something that happened.
            m.hedged |= ordered;
            ordered |= m.domesticOrder;
        }
        return out;
    }

    /** People and bodies governed by a verb that is not an event's are what the clause is about, not parties. */
    private static boolean inOtherClause(ActorMention a, Mention m, SyntacticReading reading, List<Mention> clauses,
                                         int base) {
        if (a.actor().type() == ActorType.COUNTRY) {
            return false;
        }
        DependencyTree tree = reading.tree();
        int trigger = m.syntax != null ? m.syntax.token() : tree.tokenAt(m.trigger.start() - base);
        List<Integer> tokens = tree.tokensIn(a.span().start() - base, a.span().end() - base);
        int head = tree.phraseHead(tokens);
        if (trigger < 0 || head < 0) {
            return false;
        }
        Set<Integer> events = new HashSet<>();
        reading.triggers().forEach(t -> {
            events.add(t.token());
            events.add(t.predicate());
        });
        for (Mention c : clauses) {
            tree.tokensIn(c.trigger.start() - base, c.trigger.end() - base).forEach(events::add);
        }
        return OtherClause.holds(tree, head, tokens.get(0), trigger, events);
    }

    /**
     * Triggers the word rules missed ("met for an hour with", "Acuerdan", "signed") become clauses of their own; a
     * word-rule clause takes the parse's trigger inside it, and a trigger that is not asserted (negated, conditional,
     * hedged, planned) makes its clause hedged: a commitment or nothing, never an event.
     */
    private void addSyntacticTriggers(Sentence s, SyntacticReading reading, List<Mention> out) {
        int base = s.span().start();
        for (Mention m : out) {
            if (reading.falseFriendIn(m.trigger.start() - base, m.trigger.end() - base)) {
                m.hedged = true;
            }
        }
        for (EventTrigger t : reading.triggers()) {
            var token = reading.tree().token(t.token());
            Span span = new Span(base + token.begin(), base + token.end());
            Mention owner = out.stream().filter(m -> m.trigger.start() < span.end() && span.start() < m.trigger.end())
                    .findFirst().orElse(null);
            if (owner == null) {
                owner = out.stream().filter(m -> m.syntax == null && m.segment.contains(span.start())
                        && ontology.sameGroup(m.kind, t.kind())).findFirst().orElse(null);
            }
            if (owner != null) {
                if (owner.syntax == null) {
                    owner.syntax = t;
                    // The word rules read futures and plans themselves; the parse adds negation, conditions and modals.
                    owner.hedged |= (t.modality() == Modality.NEGATED || t.modality() == Modality.CONDITIONAL
                            || t.modality() == Modality.HEDGED);
                }
                continue;
            }
            if (!t.asserted()) {
                continue;
            }
            Mention m = new Mention();
            m.kind = t.kind();
            m.sentence = s;
            m.trigger = span;
            m.segment = s.span();
            m.syntax = t;
            m.syntaxOnly = true;
            out.add(m);
        }
        out.sort(Comparator.comparing((Mention m) -> m.trigger));
    }

    /**
     * Participants by dependency role: the trigger's subjects and objects (with their conjuncts). Actors elsewhere
     * in the sentence ("sobre los aranceles de Estados Unidos", "la crisis en Venezuela") are context. The word
     * rules' reading stays when the parse names fewer than two countries (a parse can fail).
     */
    private void participantsBySyntax(Mention m, Sentence s, SyntacticReading reading, List<ActorMention> actors,
                                      List<ActorMention> previousSentence) {
        EventArguments args = reading.arguments().get(m.syntax);
        int base = s.span().start();
        List<ActorMention> usable = actors.stream().filter(a -> !instigator(a, s)).toList();
        List<ActorMention> read = SyntaxStage.actorsIn(reading.tree(), args.subjects(), usable, base);
        // "It has also asked France to ...", "Reiteró la preocupación ...": the subject is the one named last.
        SyntaxStage.Anaphor anaphor = read.isEmpty() ? SyntaxStage.anaphoricSubject(reading.tree(),
                m.syntax.predicate(), "es".equals(reading.language())) : SyntaxStage.Anaphor.NONE;
        List<ActorMention> subjects = anaphor == SyntaxStage.Anaphor.NONE ? read : antecedent(anaphor, previousSentence);
        List<ActorMention> objects = SyntaxStage.actorsIn(reading.tree(), args.objects(), usable, base);
        objects = objects.stream().filter(a -> !subjects.contains(a)).toList();
        Set<String> countries = new HashSet<>();
        subjects.forEach(a -> countries.addAll(a.actor().countries()));
        objects.forEach(a -> countries.addAll(a.actor().countries()));
        if (reading.misTaggedHeadline(m.syntax)) {
            return;
        }
        if (countries.size() < 2 && !m.syntaxOnly) {
            return;
        }
        // Bodies and people of a side already named keep speaking for it ("El gobierno de Estados Unidos, a través
        // de su Departamento de Estado, ... exigió a México"): only actors of other countries are context.
        Set<String> subjectCountries = new HashSet<>();
        subjects.forEach(a -> subjectCountries.addAll(a.actor().countries()));
        List<ActorMention> speakers = new ArrayList<>(subjects);
        List<ActorMention> both = new ArrayList<>(subjects);
        both.addAll(objects);
        for (ActorMention a : m.actors) {
            boolean sameSide = a.actor().type() != ActorType.COUNTRY && !a.actor().countries().isEmpty()
                    && countries.containsAll(a.actor().countries());
            if (sameSide && !both.contains(a)) {
                both.add(a);
                if (subjectCountries.containsAll(a.actor().countries()) && a.span().end() <= m.trigger.start()) {
                    speakers.add(a);
                }
            }
        }
        both.sort(Comparator.comparing(ActorMention::span));
        m.actors.clear();
        m.actors.addAll(both);
        m.syntaxSubjects = speakers;
        m.syntaxObjects = objects;
    }

    /** The previous sentence's first actor of the anaphor's kind: sentence-initial actors are mostly subjects. */
    private static List<ActorMention> antecedent(SyntaxStage.Anaphor anaphor, List<ActorMention> previousSentence) {
        return previousSentence.stream()
                .filter(a -> !a.actor().countries().isEmpty())
                .filter(a -> switch (anaphor) {
                    case PERSON -> a.actor().type() == ActorType.PERSON;
                    case THING -> a.actor().type() != ActorType.PERSON;
                    default -> true;
                })
                .findFirst().map(List::of).orElse(List.of());
    }

    /** "conversó este lunes" in a Friday paper: an asserted past event is on the last Monday, not the next. */
    private static DateResolver.DateMention pastIfAsserted(DateResolver.DateMention d, EventTrigger dated, Sentence s,
                                                           LocalDate published) {
        if (dated == null || !dated.asserted() || !d.relative() || !d.date().first().isAfter(published)
                || !d.date().first().isBefore(published.plusDays(7))) {
            return d;
        }
        int base = s.span().start();
        String phrase = Folding.fold(s.text().substring(d.span().start() - base, d.span().end() - base));
        if (!phrase.matches("(?:este|esta|this)\\b.*")) {
            return d;
        }
        return new DateResolver.DateMention(d.span(), new ResolvedDate(d.date().first().minusWeeks(1),
                d.date().precision()), true);
    }

    /** A date governed by a verb that is neither a trigger nor a reporting verb dates something else. */
    private boolean datesSomethingElse(SyntacticReading reading, DateResolver.DateMention d, int base,
                                       int nearestTrigger) {
        int g = syntax.dates().governor(reading.tree(), reading.triggers(), d.span().start() - base,
                d.span().end() - base);
        if (g < 0) {
            return false;
        }
        var verb = reading.tree().token(g);
        if (new Span(base + verb.begin(), base + verb.end()).distanceTo(d.span()) >= nearestTrigger) {
            return false; // the other verb must be nearer than any trigger ("que llegó el domingo a Madrid")
        }
        if (reading.triggers().stream().anyMatch(t -> reading.tree().dominates(g, t.token()))) {
            return false; // a trigger below that verb shares its time ("ha insistido ..., además de advertir ...")
        }
        String word = reading.tree().folded(g);
        return !lexicon.reportingVerbs.matcher(word).find()
                && reading.triggers().stream().noneMatch(t -> t.token() == g || t.predicate() == g);
    }

    private boolean instigator(ActorMention a, Sentence s) {
        int from = Math.max(s.span().start(), a.span().start() - 45);
        String before = Folding.fold(s.text().substring(from - s.span().start(), a.span().start() - s.span().start()));
        Matcher m = lexicon.instigatorCues.matcher(before);
        return m.find();
    }

    private void buildParticipants(Mention m, Sentence s, List<ActorMention> sentenceActors, String foldedSentence,
                                   List<Mention> earlier,
                                   List<Mention> sameSentence) {
        int base = s.span().start();
        String segFolded = foldedSentence.substring(m.segment.start() - base, m.segment.end() - base);
        m.anaphoric = lexicon.anaphoraCues.matcher(segFolded).find();
        boolean firstPerson = lexicon.firstPersonCues.matcher(segFolded).find();
        Actor author = s.inPost() ? authorOf(s.post()) : null;

        List<Actor> distinct = new ArrayList<>();
        for (ActorMention a : m.actors) {
            if (!distinct.contains(a.actor())) {
                distinct.add(a.actor());
            }
        }
        boolean interaction = ontology.info(m.kind).group().equals("INTERACTION");
        if (interaction) {
            long persons = distinct.stream().filter(a -> a.type() == ActorType.PERSON).count();
            for (Actor a : distinct) {
                if (persons >= 2 && a.type() != ActorType.PERSON) {
                    continue;
                }
                m.participants.add(Participant.of(a, Participant.Role.PARTICIPANT));
            }
            if (firstPerson && author != null && !distinct.contains(author)) {
                m.participants.add(Participant.of(author, Participant.Role.PARTICIPANT));
            }
            if (m.persons() >= 2) {
                m.participants.removeIf(p -> p.type() != ActorType.PERSON);
            }
            if (m.anaphoric && m.persons() < 2) {
                List<Mention> all = new ArrayList<>(earlier);
                all.addAll(sameSentence.subList(0, sameSentence.indexOf(m)));
                for (int i = all.size() - 1; i >= 0; i--) {
                    Mention e = all.get(i);
                    if (!e.hedged && ontology.sameGroup(e.kind, m.kind) && e.persons() >= 2) {
                        m.participants.clear();
                        m.participants.addAll(e.participants);
                        break;
                    }
                }
            }
            return;
        }
        // Verbal acts: who speaks (the nearest actor before the trigger; in a post, its author) and to whom.
        Actor initiator = null;
        if (s.inPost() && author != null) {
            initiator = author;
        }
        boolean subjectBySyntax = false;
        if (initiator == null && m.syntaxSubjects != null) {
            // The subject of the trigger speaks, wherever it stands ("reclamó este viernes a Chile el gobierno").
            for (ActorMention a : m.syntaxSubjects) {
                if (initiator == null || rank(a.actor()) < rank(initiator)) {
                    initiator = a.actor();
                    subjectBySyntax = true;
                }
            }
        }
        for (ActorMention a : subjectBySyntax ? List.<ActorMention>of() : m.actors) {
            if (a.span().end() <= m.trigger.start() && (initiator == null || rank(a.actor()) <= rank(initiator))
                    && !(s.inPost() && a.actor().type() == ActorType.COUNTRY)) {
                initiator = a.actor();
            }
        }
        if (initiator == null && !s.inPost()) {
            // "El gobierno ..., a través de su Departamento de Estado, señaló ..., y exigió a México": the subject
            // of coordinated verbs stands before the first of them.
            for (ActorMention a : sentenceActors) {
                if (a.span().end() <= m.trigger.start() && a.actor().isKeyActor()
                        && (initiator == null || rank(a.actor()) <= rank(initiator))) {
                    initiator = a.actor();
                }
            }
        }
        if (initiator == null) {
            for (ActorMention a : m.actors) {
                if (a.span().start() >= m.trigger.end() && a.actor().isKeyActor()
                        && lexicon.reportingVerbs.matcher(Folding.fold(s.text())).find()) {
                    initiator = a.actor();
                    break;
                }
            }
        }
        if (initiator != null) {
            m.participants.add(Participant.of(initiator, Participant.Role.INITIATOR));
            // "pidió al canciller que ...": an order to one's own minister is not an engagement between states.
            String triggerText = Folding.fold(s.text().substring(m.trigger.start() - base, m.trigger.end() - base));
            if (triggerText.matches(".*\\b(?:a|al|to|on)$")) {
                Actor addressee = m.actors.stream().filter(a -> a.span().start() >= m.trigger.end())
                        .map(ActorMention::actor).findFirst().orElse(null);
                if (addressee != null && addressee.countries().size() == 1
                        && addressee.countries().equals(initiator.countries())) {
                    m.hedged = true;
                    m.domesticOrder = true;
                }
            }
        }
        String initiatorCountry = initiator == null ? null : initiator.country();
        // The target: the first foreign actor after the trigger ("exigió a México"), else the nearest before it.
        Actor target = null;
        if (m.syntaxObjects != null) {
            // The object or "a/to/con" oblique of the trigger is addressed (dependency role, not word order).
            for (ActorMention a : m.syntaxObjects) {
                if (foreign(a.actor(), initiatorCountry)) {
                    target = a.actor();
                    break;
                }
            }
        }
        for (ActorMention a : target != null ? List.<ActorMention>of() : m.actors) {
            if (a.span().start() >= m.trigger.end() && foreign(a.actor(), initiatorCountry)) {
                target = a.actor();
                break;
            }
        }
        if (target == null) {
            for (ActorMention a : m.actors) {
                if (a.span().end() <= m.trigger.start() && foreign(a.actor(), initiatorCountry)) {
                    target = a.actor();
                }
            }
        }
        if (target == null && initiator != null && initiator.accreditedTo() != null
                && !initiator.accreditedTo().equals(initiatorCountry)) {
            // "El embajador de Estados Unidos en México advirtió ...": an envoy speaks to the state that hosts them.
            target = gazetteer.countryActor(initiator.accreditedTo());
            distinct.add(target);
        }
        for (Actor a : distinct) {
            if (a.equals(initiator)) {
                continue;
            }
            boolean sameSide = initiatorCountry != null && a.countries().contains(initiatorCountry)
                    && a.countries().size() == 1;
            if (sameSide && a.type() == ActorType.COUNTRY) {
                continue;
            }
            m.participants.add(Participant.of(a, a.equals(target) ? Participant.Role.TARGET : Participant.Role.PARTICIPANT));
        }
    }

    private static boolean foreign(Actor a, String initiatorCountry) {
        return a.country() != null && !a.country().equals(initiatorCountry);
    }

    /** Persons speak for themselves; organisations next; countries only when nobody else is named. */
    private static int rank(Actor a) {
        return switch (a.type()) {
            case PERSON -> 0;
            case ORGANISATION -> 1;
            case GROUP -> 2;
            case COUNTRY -> 3;
        };
    }

    private Actor authorOf(EmbeddedPost post) {
        return gazetteer.byHandle(post.authorHandle()).orElse(null);
    }

    /** A post that reports no event is itself a statement by its author, if it speaks of another country. */
    private void addPostStatements(List<Sentence> sentences, Map<Integer, List<ActorMention>> actorsBySentence,
                                   List<Mention> mentions, List<Actor> context) {
        Map<EmbeddedPost, List<Sentence>> byPost = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            if (s.inPost()) {
                byPost.computeIfAbsent(s.post(), p -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<EmbeddedPost, List<Sentence>> e : byPost.entrySet()) {
            Set<Integer> indexes = e.getValue().stream().map(Sentence::index).collect(Collectors.toSet());
            if (mentions.stream().anyMatch(m -> indexes.contains(m.sentence.index()))) {
                continue;
            }
            Actor author = authorOf(e.getKey());
            if (author == null) {
                continue;
            }
            Sentence first = e.getValue().get(0);
            Mention m = new Mention();
            m.kind = EventKind.STATEMENT;
            m.sentence = first;
            m.trigger = new Span(first.span().start(), first.span().start());
            m.segment = e.getKey().span();
            m.postStatement = true;
            m.participants.add(Participant.of(author, Participant.Role.INITIATOR));
            Set<String> seen = new HashSet<>(Set.of(author.id()));
            boolean targetSet = false;
            for (Sentence s : e.getValue()) {
                for (ActorMention a : actorsBySentence.get(s.index())) {
                    if (a.span().start() >= e.getKey().signature().start()) {
                        continue;
                    }
                    boolean foreign = a.actor().country() != null && !a.actor().country().equals(author.country());
                    if (!foreign && a.actor().type() == ActorType.COUNTRY) {
                        continue;
                    }
                    Participant.Role role = foreign && !targetSet && a.actor().type() == ActorType.COUNTRY
                            ? Participant.Role.TARGET : Participant.Role.PARTICIPANT;
                    targetSet |= role == Participant.Role.TARGET;
                    if (foreign) {
                        // The people a post names are its addressees, not its authors: keep their country only.
                        Actor country = gazetteer.actor("country:" + a.actor().country()).orElse(a.actor());
                        if (seen.add(country.id())) {
                            m.participants.add(Participant.of(country, targetSet && role != Participant.Role.TARGET
                                    ? Participant.Role.PARTICIPANT : Participant.Role.TARGET));
                            targetSet = true;
                        }
                    }
                }
            }
            mentions.add(m);
        }
    }

    // ---------------------------------------------------------------- article events

    private void placeDated(Mention m, List<Draft> drafts) {
        ResolvedDate date = m.date.date();
        for (Draft d : drafts) {
            if (ontology.sameGroup(d.kinds.get(0), m.kind) && d.date != null && d.date.compatibleWith(date)
                    && participantsCompatible(d, m)) {
                attach(d, m);
                if (d.basis != DateBasis.EXPLICIT || date.precision().compareTo(d.date.precision()) < 0) {
                    d.date = date;
                    d.basis = m.relativeAnchor == null ? DateBasis.EXPLICIT : DateBasis.RELATIVE_CLAUSE;
                }
                return;
            }
        }
        // An undated event of this article that this dated report names more precisely.
        for (Draft d : drafts) {
            if (d.kinds.contains(m.kind) && d.basis == DateBasis.PUBLICATION_FALLBACK
                    && participantsCompatible(d, m) && !m.keyIds().isEmpty()) {
                attach(d, m);
                d.date = date;
                d.basis = DateBasis.EXPLICIT;
                return;
            }
        }
        if ((m.keyIds().isEmpty() && !betweenStates(m)) || !international(m)) {
            Draft target = nearestAttachable(m, drafts, false);
            if (target != null && target.date != null && target.date.compatibleWith(date)) {
                attach(target, m);
            }
            return;
        }
        boolean relative = m.relativeAnchor != null;
        create(m, drafts, date, relative ? DateBasis.RELATIVE_CLAUSE : DateBasis.EXPLICIT,
                relative ? m.relativeAnchor : anchorOf(m, null));
    }

    private void create(Mention m, List<Draft> drafts, ResolvedDate date, DateBasis basis, LocalDate anchor) {
        Draft d = new Draft();
        d.date = date;
        d.basis = basis;
        d.anchor = anchor;
        drafts.add(d);
        attach(d, m);
    }

    private void attach(Draft d, Mention m) {
        m.event = d;
        d.mentions.add(m);
        if (m.syntaxOnly && d.mentions.size() > 1) {
            // A trigger only the parse found confirms an event the word rules told; it does not rename it.
            d.sentences.add(m.sentence.index());
            return;
        }
        if (!d.kinds.contains(m.kind)) {
            d.kinds.add(m.kind);
        }
        m.mergedKinds.stream().filter(k -> !d.kinds.contains(k)).forEach(d.kinds::add);
        d.sentences.add(m.sentence.index());
        if (m.sentence.inPost() && d.basis == DateBasis.PUBLICATION_FALLBACK && ontology.sameGroup(d.kinds.get(0), m.kind)) {
            // A post that repeats an undated report dates it.
            d.date = ResolvedDate.day(m.sentence.post().date());
            d.basis = DateBasis.POST_DATE;
            d.anchor = m.sentence.post().date();
        }
        boolean first = d.mentions.size() == 1;
        boolean enrich = first || d.keyIds().isEmpty()
                || (m.persons() == 0 && !m.anaphoric && ontology.sameGroup(d.kinds.get(0), m.kind));
        for (Participant p : m.participants) {
            if (first || (enrich && !d.participants.containsKey(p.actorId()))
                    || (p.type() == ActorType.COUNTRY && !d.participants.containsKey(p.actorId()) && d.persons() == 0)) {
                d.participants.putIfAbsent(p.actorId(), p);
            }
        }
    }

    private Draft nearestAttachable(Mention m, List<Draft> drafts, boolean sameGroupOnly) {
        Draft best = null;
        long bestScore = Long.MAX_VALUE;
        for (Draft d : drafts) {
            boolean sameKindGroup = ontology.sameGroup(d.kinds.get(0), m.kind);
            if (!ontology.attachable(d.kinds.get(0), m.kind) || !participantsCompatible(d, m)
                    || (sameGroupOnly && !sameKindGroup)) {
                continue;
            }
            // Nearest in characters, so that of two events in one sentence the closer clause wins.
            // Later sentences mostly elaborate on events already told: an event told only further on counts double.
            long distance = d.mentions.stream().mapToLong(x -> x.trigger.start() <= m.trigger.start()
                            ? m.trigger.start() - x.trigger.start() : 2L * (x.trigger.start() - m.trigger.start()))
                    .min().orElse(Integer.MAX_VALUE);
            long score = distance + (sameKindGroup ? 0 : 1_000_000) + (d.kinds.contains(m.kind) ? 0 : 1);
            if (score < bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Can this report be about that event? Two sets of named people must agree (equal, or one inside the other when
     * a report names only one side); organisations also match their parent (a bureau speaks for its department).
     */
    private boolean participantsCompatible(Draft d, Mention m) {
        return matcher.compatible(d.participants.values(), m.participants);
    }

    /** An engagement event needs two states (or a state and a foreign non-state group). */
    private boolean international(Mention m) {
        if (m.kind == EventKind.AGREEMENT_COMMITMENT || m.kind == EventKind.JOINT_STATEMENT) {
            // Agreeing takes two named parties; "the steps agreed with Mexico" is a back-reference, not an event.
            Set<String> partyCountries = new HashSet<>();
            m.participants.stream().filter(Participant::isKeyActor).forEach(p -> gazetteer.actor(p.actorId())
                    .ifPresentOrElse(a -> partyCountries.addAll(a.countries()), () -> partyCountries.add(p.country())));
            long keyActors = m.participants.stream().filter(Participant::isKeyActor).count();
            Set<String> states = m.participants.stream().filter(p -> !p.isKeyActor()).map(Participant::country)
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            Set<String> parties = new HashSet<>(partyCountries);
            parties.addAll(states);
            // "West Germany and Sierra Leone signed ..., the West German Foreign Ministry said": states are parties.
            boolean statesNamed = states.size() >= 2 && parties.size() >= 2;
            if (!statesNamed && keyActors < 2 && partyCountries.size() < 2) {
                return false;
            }
        }
        Set<String> all = new HashSet<>();
        for (Participant p : m.participants) {
            gazetteer.actor(p.actorId()).ifPresentOrElse(a -> all.addAll(a.countries()), () -> {
                if (p.country() != null) {
                    all.add(p.country());
                }
            });
        }
        return all.size() >= 2;
    }

    /** "México rechazó ... de Estados Unidos", "Brazil and Argentina agreed": states as the parties themselves. */
    private boolean betweenStates(Mention m) {
        Set<String> states = m.participants.stream().filter(p -> p.type() == ActorType.COUNTRY)
                .map(Participant::country).collect(Collectors.toSet());
        boolean initiated = m.participants.stream().anyMatch(p -> p.role() == Participant.Role.INITIATOR);
        boolean targeted = m.participants.stream().anyMatch(p -> p.role() == Participant.Role.TARGET);
        return states.size() >= 2 && (initiated && targeted || ontology.info(m.kind).group().equals("INTERACTION"));
    }

    private boolean strong(Mention m, int lead) {
        if (m.datedOnly) {
            return false;
        }
        if (m.sentence.index() == 0 || m.sentence.index() == lead || m.sentence.inPost() || m.postStatement) {
            return true;
        }
        Set<String> personCountries = m.participants.stream().filter(p -> p.type() == ActorType.PERSON)
                .map(Participant::country).filter(Objects::nonNull).collect(Collectors.toSet());
        return m.persons() >= 2 && personCountries.size() >= 2 || bothSidesBySyntax(m);
    }

    /**
     * An asserted trigger whose parse names one side as its subject and another as its object ("Japan rejected the
     * U.S. demand", "Kerry condenó a Venezuela"), or both sides of an interaction as its subject, reports an event
     * wherever it stands in the article.
     */
    private boolean bothSidesBySyntax(Mention m) {
        if (m.syntax == null || !m.syntax.asserted() || m.hedged || m.syntaxSubjects == null
                || m.syntaxObjects == null || m.syntaxSubjects.isEmpty()) {
            return false;
        }
        // Sides are the countries of actors that speak for one state: a binational group is not two sides.
        Set<String> subjectSide = new HashSet<>();
        m.syntaxSubjects.stream().filter(a -> a.actor().countries().size() == 1)
                .forEach(a -> subjectSide.addAll(a.actor().countries()));
        if (subjectSide.size() >= 2 && ontology.info(m.kind).group().equals("INTERACTION")) {
            return true; // "Norway and Chile signed an agreement": both parties are the subject.
        }
        Set<String> objectSide = new HashSet<>();
        m.syntaxObjects.stream().filter(a -> a.actor().countries().size() == 1)
                .forEach(a -> objectSide.addAll(a.actor().countries()));
        objectSide.removeAll(subjectSide);
        return !subjectSide.isEmpty() && !objectSide.isEmpty();
    }

    private static ResolvedDate fallbackDate(Mention m, LocalDate published) {
        return ResolvedDate.day(anchorOf(m, published));
    }

    private static LocalDate anchorOf(Mention m, LocalDate published) {
        if (m.sentence.inPost()) {
            return m.sentence.post().date();
        }
        return published;
    }

    // ---------------------------------------------------------------- output

    private ArticleEvent toEvent(Draft d, String localId, String articleId, String text) {
        EventKind primary = ontology.primary(d.kinds);
        List<Passage> passages = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (Mention m : d.mentions) {
            if (seen.add(m.sentence.index())) {
                passages.add(new Passage(articleId, m.sentence.span().start(), m.sentence.span().end(),
                        m.sentence.text()));
            }
        }
        passages.sort(Comparator.naturalOrder());
        if (ontology.info(primary).group().equals("INTERACTION") && d.persons() >= 2) {
            // A meeting of named people: the countries and objects of the talk are not parties to it.
            d.participants.values().removeIf(p -> p.type() != ActorType.PERSON);
        }
        return new ArticleEvent(localId, articleId, primary, EnumSet.copyOf(d.kinds),
                d.participants.values().stream().sorted().toList(), d.date, d.basis, d.anchor == null
                ? d.date.first() : d.anchor, d.placeId, Set.copyOf(d.topics), List.copyOf(passages),
                List.copyOf(d.quotes), List.copyOf(d.stances));
    }

    static List<ActorMention> shift(List<ActorMention> in, int by) {
        return in.stream().map(a -> new ActorMention(a.actor(), new Span(a.span().start() + by, a.span().end() + by),
                a.via())).toList();
    }

    static List<DateResolver.DateMention> shiftDates(List<DateResolver.DateMention> in, int by) {
        return in.stream().map(d -> new DateResolver.DateMention(new Span(d.span().start() + by, d.span().end() + by),
                d.date(), d.relative())).toList();
    }
}
