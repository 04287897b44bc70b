package dev.parley.extract;


import dev.parley.extract.actors.DatelineCountry;
import dev.parley.extract.actors.OfficeHolders;
import dev.parley.extract.actors.PersonCountries;
import dev.parley.extract.actors.TextActorReader;
import dev.parley.extract.world.CountryKnowledge;
import dev.parley.nlp.ParsedSentence;
import dev.parley.nlp.SentenceParser;
import dev.parley.nlp.corenlp.CoreNlpSentenceParser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Text in, facts out, for one article. Works sentence by sentence: trigger words (lexicon) cut a sentence into
 * clauses; each clause takes the actors and the nearest date expression around its trigger. Within the article,
 * dated reports make events, undated ones attach to the nearest compatible event (a readout's later sentences
 * rarely repeat the date) and only lead sentences, posts and clearly bilateral clauses may stand alone.
 * Stages: actors ({@link ActorSource}, then the article-wide {@code PersonCountries} and {@code OfficeHolders}), the
 * parse ({@link SyntaxStage}), clauses and their dates ({@link MentionReader}, who takes part by
 * {@link ParticipantReader}), posts' own statements ({@link PostStatementReader}), where each clause goes
 * ({@link EventPlacement}), delegations ({@link DelegationReader}), context, quotes and stances
 * ({@link ContextAttacher}), commitments ({@link CommitmentReader}).
 */
public final class ArticleExtractor {

    private final Gazetteer gazetteer;
    private final Lexicon lexicon;
    private final Ontology ontology;
    private final SentenceSplitter splitter;
    private final ContextAttacher contextAttacher;
    private final DelegationReader delegations;
    private final CommitmentReader commitments;
    private final SyntaxStage syntax;
    private final MentionReader mentionReader;
    private final PostStatementReader postStatements;
    private final UnnamedCounterparts counterparts;
    private final EventPlacement placement;
    private final AgreementOutcomes outcomes;
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
        this.ontology = ontology;
        this.splitter = new SentenceSplitter(dates);
        this.contextAttacher = new ContextAttacher(gazetteer, lexicon, ontology);
        this.delegations = new DelegationReader(lexicon, gazetteer);
        ParticipantReader participants = new ParticipantReader(gazetteer, lexicon, ontology);
        this.mentionReader = new MentionReader(lexicon, ontology, dates, syntax, participants);
        this.postStatements = new PostStatementReader(gazetteer, participants);
        this.counterparts = new UnnamedCounterparts(gazetteer);
        ParticipantMatcher matcher = new ParticipantMatcher(gazetteer);
        this.placement = new EventPlacement(gazetteer, ontology, matcher);
        this.outcomes = new AgreementOutcomes(matcher, lexicon.meetingNouns);
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
        Lexicon lexicon = Lexicon.loadDefault();
        return new ArticleExtractor(gazetteer, lexicon, DateResolver.loadDefault(), Ontology.loadDefault(),
                new CoreNlpSentenceParser(), ActorSource.of(new TextActorReader(gazetteer, lexicon)));
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
            List<Mention> ms = mentionReader.read(s, actors, quoteRegions, published, mentions, reading, previous,
                    datelineSpan);
            mentions.addAll(ms);
        }
        postStatements.add(sentences, actorsBySentence, mentions);
        counterparts.resolve(mentions);
        mentions.sort(Comparator.comparingInt((Mention m) -> m.sentence.index()).thenComparing(m -> m.trigger));

        List<Draft> drafts = placement.place(mentions, lead, published);
        outcomes.resolve(drafts, mentions);
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
                mentions, published, input.articleId(), text);
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
