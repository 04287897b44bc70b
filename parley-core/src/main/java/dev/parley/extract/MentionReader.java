package dev.parley.extract;

import dev.parley.extract.syntax.EventTrigger;
import dev.parley.extract.syntax.Modality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * The mentions of one sentence: trigger words (lexicon) cut it into clauses, the parse adds the triggers the words
 * missed and the acts a statement reports, and each clause takes its actors, participants and the nearest date
 * expression around its trigger. A stage of {@link ArticleExtractor}, before placement.
 */
final class MentionReader {

    private final Lexicon lexicon;
    private final Ontology ontology;
    private final DateResolver dates;
    private final SyntaxStage syntax;
    private final ParticipantReader participants;

    MentionReader(Lexicon lexicon, Ontology ontology, DateResolver dates, SyntaxStage syntax,
                  ParticipantReader participants) {
        this.lexicon = lexicon;
        this.ontology = ontology;
        this.dates = dates;
        this.syntax = syntax;
        this.participants = participants;
    }

    List<Mention> read(Sentence s, List<ActorMention> actors, List<Span> quoteRegions,
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
            addSyntacticTriggers(s, reading, out, actors);
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
        List<DateResolver.DateMention> dateMentions = ArticleExtractor.shiftDates(dates.findAll(s.text(), published),
                base);
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
            Mention owner = dated == null || reading == null ? null
                    : out.stream().filter(m -> m.syntax == dated).findFirst().orElse(null);
            if (d.date().first().isAfter(published)) {
                // A report of an event is written after it: later dates are due dates of commitments, and the
                // trigger the parse dates with one ("officials meet tomorrow") tells what is still to happen.
                if (owner != null && owner.segment.contains(d.span().start()) && !s.inPost()
                        && unmistakablyAhead(d, s, published)) {
                    owner.hedged = true;
                }
                continue;
            }
            if (reading != null) {
                int nearestTrigger = out.stream().mapToInt(m -> m.trigger.distanceTo(d.span())).min().orElse(0);
                if (owner != null && !owner.dateBySyntax && owner.segment.contains(d.span().start())
                        && (owner.trigger.distanceTo(d.span()) <= nearestTrigger
                        || onlyClausesBelowAreNearer(reading, owner, d, out, base))) {
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
    private void addSyntacticTriggers(Sentence s, SyntacticReading reading, List<Mention> out,
                                      List<ActorMention> actors) {
        int base = s.span().start();
        for (Mention m : out) {
            if (reading.falseFriendIn(m.trigger.start() - base, m.trigger.end() - base)
                    || syntax.plannedNoun(reading, m.trigger.start() - base)) {
                m.hedged = true; // "la llamada Guerra ...", "Anuncian reunión entre ...": no event told.
            }
        }
        for (EventTrigger t : reading.triggers()) {
            var token = reading.tree().token(t.token());
            Span span = new Span(base + token.begin(), base + token.end());
            Mention owner = out.stream().filter(m -> m.trigger.start() < span.end() && span.start() < m.trigger.end())
                    .findFirst().orElse(null);
            boolean byWord = owner != null;
            // "As to U.S. urgings for Japan to ..., Japan will explain ..., the officials said": an act noun with its
            // own author is that author's act, not part of the clause's statement.
            boolean ownAct = syntax.authoredAct(reading, t);
            if (owner == null && !ownAct) {
                owner = out.stream().filter(m -> m.syntax == null && m.segment.contains(span.start())
                        && ontology.sameGroup(m.kind, t.kind())).findFirst().orElse(null);
            }
            if (owner != null) {
                int saying = reading.tree().tokenAt(owner.trigger.start() - base);
                if (owner.syntax == null && owner.kind == EventKind.STATEMENT && t.asserted()
                        && t.kind() != EventKind.STATEMENT && (byWord || besideEachOther(reading.tree(), t.predicate(),
                        saying) || reportedAct(reading, t, saying, actors, base))) {
                    // "Lawson rebuffed Funaro's bid and said ...", "told Japan to open ...": the clause is the act
                    // its own verb tells.
                    owner.mergedKinds.add(owner.kind);
                    owner.kind = t.kind();
                    owner.datedOnly = false;
                    // "Kuwait has asked four countries ..., officials said": who acts stands before the act's verb,
                    // not before the saying's.
                    owner.trigger = span;
                }
                if (owner.syntax == null) {
                    owner.syntax = t;
                    // The word rules read futures and plans themselves; the parse adds negation, conditions and modals.
                    owner.hedged |= (t.modality() == Modality.NEGATED || t.modality() == Modality.CONDITIONAL
                            || t.modality() == Modality.HEDGED)
                            // "Anuncian reunión entre ...", "el encuentro entre X y Y permitirá ...": the plan is in
                            // the verb that governs the noun, which the word rules do not read.
                            || t.noun() && t.token() == t.predicate() && t.modality() == Modality.PLANNED;
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
            if (act == null && (syntax.reportsContact(reading, m.trigger.start() - s.span().start())
                    || syntax.reportsTransaction(reading, m.trigger.start() - s.span().start()))) {
                // "said it plans to hold talks with France": the contact is the news, told by its own trigger; the
                // saying is no statement about the other side. Nor is "said Venezuela will lend Ecuador ...".
                m.hedged = true;
            }
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
     * An act told as what was said is the clause's act when the saying names who made it: the speaker ("Stoltenberg
     * said he had told Brazil to ...") or a subject of its own ("Chile asked Peru to ..., officials in Lima said").
     */
    private static boolean reportedAct(SyntacticReading reading, EventTrigger act, int saying,
                                       List<ActorMention> actors, int base) {
        var tree = reading.tree();
        if (saying < 0 || act.noun() || tree.head(act.predicate()) != saying
                || !Set.of("ccomp", "parataxis").contains(tree.baseRelation(act.predicate()))) {
            return false;
        }
        return !SyntaxStage.speakerOf(tree, act.predicate(), "es".equals(reading.language())).isEmpty()
                || !SyntaxStage.actorsIn(tree, reading.arguments().get(act).subjects(), actors, base).isEmpty();
    }

    /**
     * The act's verb is not inside the saying's clause: side by side ("rebuffed Funaro's bid and said ..."), or
     * governing it ("denied breaking a pact ... but said", which the parser may hang below the denial). A trigger
     * in what was said ("dijo que ... advirtió") or a reporting verb inside a quote's clause is not the clause's act.
     */
    private static boolean besideEachOther(dev.parley.extract.syntax.DependencyTree tree, int act, int saying) {
        if (act < 0 || saying < 0) {
            return false;
        }
        return tree.head(act) == saying && tree.baseRelation(act).equals("conj") || !tree.dominates(saying, act);
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

    /**
     * "meet tomorrow", "la próxima semana", a day two or more after the paper: still to come. A weekday just after it
     * ("iniciaron este domingo" in a post filed on Saturday) is more likely a paper dated a day early.
     */
    private static boolean unmistakablyAhead(DateResolver.DateMention d, Sentence s, LocalDate published) {
        return d.date().first().isAfter(published.plusDays(1))
                || foldedPhrase(d, s).matches(".*\\b(?:tomorrow|manana|next|proxim[oa]s?|que viene|coming)\\b.*");
    }

    private static String foldedPhrase(DateResolver.DateMention d, Sentence s) {
        int base = s.span().start();
        return Folding.fold(s.text().substring(d.span().start() - base, d.span().end() - base));
    }

    /** "conversó este lunes" in a Friday paper: an asserted past event is on the last Monday, not the next. */
    private static DateResolver.DateMention pastIfAsserted(DateResolver.DateMention d, EventTrigger dated, Sentence s,
                                                           LocalDate published) {
        if (dated == null || !dated.asserted() || !d.relative() || !d.date().first().isAfter(published)
                || !d.date().first().isBefore(published.plusDays(7))) {
            return d;
        }
        if (!foldedPhrase(d, s).matches("(?:este|esta|this)\\b.*")) {
            return d;
        }
        return new DateResolver.DateMention(d.span(), new ResolvedDate(d.date().first().minusWeeks(1),
                d.date().precision()), true);
    }

    /**
     * "Siew returned from Washington on Friday after the U.S. responded ...": the triggers nearer the date than its
     * owner all sit in clauses below the owner, so the parse that hangs the date on the owner is no long-sentence
     * accident.
     */
    private static boolean onlyClausesBelowAreNearer(SyntacticReading reading, Mention owner,
                                                     DateResolver.DateMention d, List<Mention> out, int base) {
        int ownerDistance = owner.trigger.distanceTo(d.span());
        var tree = reading.tree();
        for (Mention m : out) {
            if (m == owner || m.trigger.distanceTo(d.span()) >= ownerDistance) {
                continue;
            }
            int token = tree.tokenAt(m.trigger.start() - base);
            if (token < 0 || token == owner.syntax.predicate() || !tree.dominates(owner.syntax.predicate(), token)) {
                return false;
            }
        }
        return true;
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
}
