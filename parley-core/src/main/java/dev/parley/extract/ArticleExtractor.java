package dev.parley.extract;


import dev.parley.extract.actors.DatelineCountry;
import dev.parley.extract.actors.OfficeHolders;
import dev.parley.extract.actors.PersonCountries;
import dev.parley.extract.syntax.EventTrigger;
import dev.parley.extract.syntax.Modality;
import dev.parley.extract.world.CountryKnowledge;
import dev.parley.nlp.ParsedSentence;
import dev.parley.nlp.SentenceParser;
import dev.parley.nlp.corenlp.CoreNlpSentenceParser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * Stages: actors ({@link ActorSource}, then the article-wide {@code PersonCountries} and {@code OfficeHolders}), the
 * parse ({@link SyntaxStage}), clauses and their dates (here), who takes part ({@link ParticipantReader}), where each
 * clause goes ({@link EventPlacement}), context, quotes and stances ({@link ContextAttacher}), commitments
 * ({@link CommitmentReader}).
 */
public final class ArticleExtractor {

    private final Gazetteer gazetteer;
    private final Lexicon lexicon;
    private final DateResolver dates;
    private final Ontology ontology;
    private final SentenceSplitter splitter;
    private final ContextAttacher contextAttacher;
    private final DelegationReader delegations;
    private final CommitmentReader commitments;
    private final SyntaxStage syntax;
    private final ParticipantReader participants;
    private final EventPlacement placement;
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
        this.syntax = new SyntaxStage(parser, lexicon.syntax);
        this.actorSource = actorSource;
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
        this.dates = dates;
        this.ontology = ontology;
        this.splitter = new SentenceSplitter(dates);
        this.contextAttacher = new ContextAttacher(gazetteer, lexicon, ontology);
        this.delegations = new DelegationReader(lexicon, gazetteer);
        this.participants = new ParticipantReader(gazetteer, lexicon, ontology);
        this.placement = new EventPlacement(gazetteer, ontology, new ParticipantMatcher(gazetteer));
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
        List<Span> quoteRegions = ContextAttacher.quoteRegions(text);
        Optional<String> dateline = datelines.of(input.body(), input.language(), published);
        int bodyStart = text.length() - input.body().length();
        Span datelineSpan = new Span(bodyStart, bodyStart + datelines.end(input.body()));
        int lead = leadIndex(input, sentences, datelineSpan);
        List<Actor> context = new ArrayList<>();
        Map<Integer, List<ActorMention>> actorsBySentence = new LinkedHashMap<>();
        List<Mention> mentions = new ArrayList<>();
        Set<String> actorIds = new TreeSet<>();

        Map<Integer, ParsedSentence> parses = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            // A delegation's members are named in sentences with no trigger of their own ("Por parte de ... estuvieron
            // presentes ..."): they are parsed too, for their people.
            boolean cue = wordTrigger(s) || lexicon.delegationCues.matcher(Folding.fold(s.text())).find();
            ParsedSentence parse = syntax.parseIfCandidate(s, input.language(), cue);
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

        List<Draft> drafts = placement.place(mentions, lead, published);
        drafts.removeIf(d -> d.mentions.isEmpty());
        delegations.attach(sentences, actorsBySentence, drafts);
        contextAttacher.attach(sentences, actorsBySentence, quoteRegions, text, drafts, input.articleId());
        List<ArticleEvent> events = new ArrayList<>();
        Map<Draft, String> ids = new LinkedHashMap<>();
        drafts.sort(Comparator.comparingInt(Draft::firstSentence));
        MentionTrace.log(input, mentions, drafts);
        for (Draft d : drafts) {
            String localId = input.articleId() + "#e" + (events.size() + 1);
            ids.put(d, localId);
            events.add(toEvent(d, localId, input.articleId(), text));
        }
        List<ArticleCommitment> commitments = this.commitments.read(sentences, actorsBySentence, drafts, ids,
                published, input.articleId(), text);
        return new ArticleFacts(input.articleId(), published, input.language(), events, commitments, actorIds);
    }

    /**
     * The title is a sentence of its own; the body's first sentence keeps its role as the lead. A dateline the
     * splitter cut off as a sentence of its own ("México, DF.") is not the lead: the sentence after it is.
     */
    static int leadIndex(ArticleInput input, List<Sentence> sentences, Span dateline) {
        int bodyStart = input.text().length() - input.body().length();
        return sentences.stream().filter(s -> s.span().start() >= bodyStart)
                .filter(s -> !(dateline.start() < dateline.end() && s.span().start() >= dateline.start()
                        && s.span().end() <= dateline.end()))
                .mapToInt(Sentence::index).findFirst().orElse(0);
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
            m.hedged = lexicallyHedged(m, folded, base);
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
            readReportedActs(s, reading, out);
        }
        for (Mention m : out) {
            m.namesContact = namesContact(s.text().substring(0, m.trigger.start() - base));
            for (ActorMention a : actors) {
                if (a.span().start() >= m.segment.start() && a.span().start() < m.segment.end() && !participants.instigator(a, s)) {
                    m.actors.add(a);
                }
            }
            if (reading != null) {
                m.actors.removeIf(a -> ParticipantReader.inOtherClause(a, m, reading, out, base));
            }
            if (m.syntax != null) {
                participants.participantsBySyntax(m, s, reading, actors, previousSentence);
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
        Set<String> legislators = actors.stream().map(ActorMention::actor).filter(this::legislator).map(Actor::id)
                .collect(Collectors.toSet());
        boolean ordered = false;
        for (Mention m : out) {
            participants.buildParticipants(m, s, actors, folded, earlier, out);
            m.participants.removeIf(p -> legislators.contains(p.actorId()));
            // What follows an order to one's own minister ("pidió al canciller comunicarse con ...") is its content,
            // not something that happened.
            m.hedged |= ordered;
            ordered |= m.domesticOrder;
        }
        return out;
    }

    /**
     * Hedged: "una posible llamada", "podría reunirse", "talks set for April 17" — in the clause up to three words
     * after the trigger, not in what was said ("said that Ottawa would honour ..."). Threats are conditional by nature.
     */
    private boolean lexicallyHedged(Mention m, String folded, int base) {
        Matcher after = java.util.regex.Pattern.compile("^(?:\\W+\\w+){0,3}")
                .matcher(folded.substring(m.trigger.end() - base, m.segment.end() - base));
        int hedgeEnd = m.trigger.end() + (after.find() ? after.end() : 0);
        int hedgeStart = m.segment.start();
        if (m.syntaxOnly) {
            // A clause only the parse found has no word-rule segment: look from three words before its trigger.
            Matcher before = java.util.regex.Pattern.compile("(?:\\w+\\W+){0,3}$")
                    .matcher(folded.substring(m.segment.start() - base, m.trigger.start() - base));
            hedgeStart = before.find() ? m.segment.start() + before.start() : m.trigger.start();
        }
        return m.kind != EventKind.THREAT
                && lexicon.hedges.matcher(folded.substring(hedgeStart - base, hedgeEnd - base)).find();
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
            boolean byWord = owner != null;
            if (owner == null) {
                owner = out.stream().filter(m -> m.syntax == null && m.segment.contains(span.start())
                        && ontology.sameGroup(m.kind, t.kind())).findFirst().orElse(null);
            }
            if (owner != null) {
                if (owner.syntax == null && owner.kind == EventKind.STATEMENT && t.asserted()
                        && t.kind() != EventKind.STATEMENT && (byWord || besideEachOther(reading.tree(), t.predicate(),
                        reading.tree().tokenAt(owner.trigger.start() - base)))) {
                    // "Lawson rebuffed Funaro's bid and said ...", "told Japan to open ...": the clause is the act
                    // its own verb tells.
                    owner.mergedKinds.add(owner.kind);
                    owner.kind = t.kind();
                    owner.datedOnly = false;
                }
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
            m.hedged = lexicallyHedged(m, Folding.fold(s.text()), base);
            out.add(m);
        }
        out.sort(Comparator.comparing((Mention m) -> m.trigger));
    }

    /** "the U.S. said it would reexamine the issue if Japan did not ...": a statement whose content is an act is that act. */
    private void readReportedActs(Sentence s, SyntacticReading reading, List<Mention> out) {
        for (Mention m : out) {
            if (m.kind != EventKind.STATEMENT || m.postStatement || reading.falseFriendIn(
                    m.trigger.start() - s.span().start(), m.trigger.end() - s.span().start())) {
                continue;
            }
            EventKind act = syntax.reportedAct(reading, m.trigger.start() - s.span().start());
            if (act != null) {
                if (act != EventKind.STATEMENT) {
                    m.mergedKinds.add(EventKind.STATEMENT);
                    m.kind = act;
                }
                m.datedOnly = false;
                m.reportedAct = true;
                m.hedged = false; // "said it would ...": the modal word after the verb is the content's, read above
                if (m.syntax != null && !m.trigger.contains(s.span().start() + reading.tree().token(m.syntax.token()).begin())) {
                    m.syntax = null; // a trigger inside what was said ("it would oppose"): its subject is not the speaker
                }
            }
        }
    }

    /**
     * Two verbs side by side ("rebuffed Funaro's bid and said ..."), neither inside the other's clause: a trigger in
     * what was said ("dijo que ... advirtió") or a reporting verb inside a quote's clause is not the clause's act.
     */
    private static boolean besideEachOther(dev.parley.extract.syntax.DependencyTree tree, int a, int b) {
        if (a < 0 || b < 0) {
            return false;
        }
        return tree.head(a) == b && tree.baseRelation(a).equals("conj")
                || tree.head(b) == a && tree.baseRelation(b).equals("conj")
                || !tree.dominates(a, b) && !tree.dominates(b, a);
    }

    private boolean namesContact(String before) {
        List<String> words = Arrays.stream(Folding.fold(before).split("[^\\p{L}\\p{N}'-]+")).filter(w -> !w.isEmpty())
                .toList();
        return lexicon.syntax.nouns.get(EventKind.MEET_VISIT).occursIn(words)
                || lexicon.syntax.nouns.get(EventKind.CONSULT_CALL).occursIn(words);
    }

    /** A senator or deputy speaks for a legislature, not for the state: no side of an engagement event. */
    private boolean legislator(Actor a) {
        return a.type() == ActorType.PERSON && a.roles().stream().anyMatch(r -> lexicon.legislativeTitles
                .matcher(Folding.fold(r)).find());
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
            Actor author = participants.authorOf(e.getKey());
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
