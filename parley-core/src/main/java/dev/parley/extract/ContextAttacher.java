package dev.parley.extract;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Gives each event of an article the topics, stances and quotes of the sentences that tell it, with the side
 * (country) whose words they are: a quote's speaker, a post's author, else the sentence's first speaking actor.
 */
final class ContextAttacher {

    private final Gazetteer gazetteer;
    private final Lexicon lexicon;
    private final Ontology ontology;

    ContextAttacher(Gazetteer gazetteer, Lexicon lexicon, Ontology ontology) {
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
        this.ontology = ontology;
    }


    void attach(List<Sentence> sentences, Map<Integer, List<ActorMention>> actorsBySentence,
                               List<Span> quoteRegions, String text, List<Draft> drafts, String articleId) {
        if (drafts.isEmpty()) {
            return;
        }
        Map<Integer, List<Mention>> bySentence = new LinkedHashMap<>();
        for (Draft d : drafts) {
            for (Mention m : d.mentions) {
                bySentence.computeIfAbsent(m.sentence.index(), k -> new ArrayList<>()).add(m);
            }
        }
        Draft current = null;
        Draft firstDraft = drafts.stream().min(Comparator.comparingInt(Draft::firstSentence)).orElseThrow();
        for (Sentence s : sentences) {
            List<Mention> here = bySentence.getOrDefault(s.index(), List.of());
            if (!here.isEmpty()) {
                current = here.get(here.size() - 1).event;
            }
            Draft fallback = current != null ? current : firstDraft;
            if (here.isEmpty() && isHeading(s, text)) {
                // A heading announces what follows, not what came before.
                Draft next = nextDraft(bySentence, s.index());
                fallback = next != null ? next : fallback;
            }
            String folded = Folding.fold(s.text());
            int base = s.span().start();
            List<ActorMention> actors = actorsBySentence.get(s.index());
            if (actors.isEmpty() && s.index() > 0 && sentences.get(s.index() - 1).paragraph() == s.paragraph()) {
                // "En ese contexto, afirmó: ...": the subject continues from the sentence before.
                List<ActorMention> previous = actorsBySentence.get(s.index() - 1).stream()
                        .filter(a -> speaks(a.actor())).limit(1).toList();
                List<ActorMention> combined = new ArrayList<>(previous);
                combined.addAll(actors);
                actors = combined;
            }
            for (Lexicon.Topic t : lexicon.topics) {
                Matcher m = t.pattern().matcher(folded);
                while (m.find()) {
                    ownerAt(here, base + m.start(), fallback).topics.add(t.id());
                }
            }
            for (Lexicon.StanceMarker sm : lexicon.stances) {
                Matcher m = sm.pattern().matcher(folded);
                while (m.find()) {
                    int at = base + m.start();
                    Draft owner = ownerAt(here, at, fallback);
                    Passage p = new Passage(articleId, at, base + m.end(), text.substring(at, base + m.end()));
                    if (owner.stances.stream().noneMatch(x -> x.passage().equals(p))) {
                        String side = sideAt(s, actors, quoteRegions, at, text);
                        if (side == null) {
                            // Unattributed words in a report of a demand or threat are its initiator's.
                            side = owner.participants.values().stream()
                                    .filter(x -> x.role() == Participant.Role.INITIATOR && x.country() != null)
                                    .map(Participant::country).findFirst()
                                    .orElse(actors.stream().filter(a -> a.actor().countries().size() == 1).findFirst()
                                            .map(a -> a.actor().country()).orElse(null));
                        }
                        owner.stances.add(new Stance(sm.type(), side, p.text(), p));
                    }
                }
            }
            for (Span q : quoteRegions) {
                if (q.start() >= s.span().start() && q.start() < s.span().end() && q.end() - q.start() >= 20) {
                    Draft owner = ownerAt(here, q.start(), fallback);
                    Actor speaker = speakerOf(q, s, actors, text);
                    Passage p = new Passage(articleId, q.start(), q.end(), text.substring(q.start(), q.end()));
                    owner.quotes.add(new Quote(p.text(), speaker == null ? null : speaker.id(),
                            speaker == null ? null : speaker.country(), p));
                }
            }
            if (here.isEmpty() && s.inPost() && current != null) {
                current.sentences.add(s.index());
            }
            for (Map.Entry<Span, Place> place : gazetteer.findPlaces(s.text())) {
                for (Mention m : here) {
                    if (m.event.placeId == null && m.segment.contains(base + place.getKey().start())
                            && ontology.info(m.kind).group().equals("INTERACTION")
                            && m.kind != EventKind.AGREEMENT_COMMITMENT) {
                        m.event.placeId = place.getValue().id();
                    }
                }
            }
        }
    }

    private static Draft ownerAt(List<Mention> here, int offset, Draft fallback) {
        for (Mention m : here) {
            if (m.segment.contains(offset)) {
                return m.event;
            }
        }
        return here.isEmpty() ? fallback : here.get(0).event;
    }

    /** The side whose words these are: a quote's speaker, a post's author, else the sentence's first actor. */
    private String sideAt(Sentence s, List<ActorMention> actors, List<Span> quoteRegions, int at, String text) {
        for (Span q : quoteRegions) {
            if (q.contains(at)) {
                Actor speaker = speakerOf(q, s, actors, text);
                if (speaker != null) {
                    return speaker.country();
                }
            }
        }
        if (s.inPost()) {
            Actor author = authorOf(s.post());
            if (author != null) {
                return author.country();
            }
        }
        return actors.stream().filter(a -> speaks(a.actor()) && a.actor().countries().size() == 1).findFirst()
                .map(a -> a.actor().country()).orElse(null);
    }

    /** People and organisations speak; states are spoken for and groups are spoken about. */
    private static boolean speaks(Actor a) {
        return a.type() == ActorType.PERSON || a.type() == ActorType.ORGANISATION;
    }

    /** A paragraph of one short sentence with no final punctuation: a heading. */
    private static boolean isHeading(Sentence s, String text) {
        String t = s.text().strip();
        boolean wholeLine = (s.span().start() == 0 || text.charAt(s.span().start() - 1) == '\n')
                && (s.span().end() == text.length() || text.charAt(s.span().end()) == '\n');
        return wholeLine && t.length() < 120 && !t.matches("(?s).*[.!?…\"”»:]$");
    }

    private static Draft nextDraft(Map<Integer, List<Mention>> bySentence, int after) {
        return bySentence.entrySet().stream().filter(e -> e.getKey() > after)
                .min(Map.Entry.comparingByKey()).map(e -> e.getValue().get(0).event).orElse(null);
    }

    private Actor speakerOf(Span quote, Sentence s, List<ActorMention> actors, String text) {
        if (s.inPost()) {
            return authorOf(s.post());
        }
        // "…", señaló la Oficina de Asuntos del Hemisferio Occidental.
        int afterEnd = Math.min(s.span().end(), quote.end() + 90);
        if (quote.end() < afterEnd) {
            String after = Folding.fold(text.substring(quote.end(), afterEnd));
            if (after.matches("(?s)^[\\s,.;:”\"»]*(?:" + lexicon.reportingVerbs.pattern() + ").*")) {
                for (ActorMention a : actors) {
                    if (a.span().start() >= quote.end() && a.span().start() < afterEnd && speaks(a.actor())) {
                        return a.actor();
                    }
                }
            }
        }
        // X afirmó: “…”
        ActorMention before = null;
        for (ActorMention a : actors) {
            if (a.span().end() <= quote.start() && speaks(a.actor())) {
                before = a;
            }
        }
        if (before != null) {
            String between = Folding.fold(text.substring(before.span().end(), quote.start()));
            if (lexicon.reportingVerbs.matcher(between).find()) {
                return before.actor();
            }
        }
        return null;
    }

    /** Quotations: “…”, «…» and "…" (a straight quote opens when none is open), within one paragraph. */
    static List<Span> quoteRegions(String text) {
        List<Span> out = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean straight = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (depth > 0 && start >= 0 && i - start > 1) {
                    out.add(new Span(start, i));
                }
                depth = 0;
                straight = false;
                continue;
            }
            if (c == '“' || c == '«' || (c == '"' && depth == 0)) {
                if (depth == 0) {
                    start = i + 1;
                    straight = c == '"';
                }
                depth++;
            } else if (c == '”' || c == '»' || (c == '"' && straight)) {
                depth = Math.max(0, depth - 1);
                if (depth == 0 && start >= 0) {
                    out.add(new Span(start, i));
                    start = -1;
                }
            }
        }
        return out;
    }

    private Actor authorOf(EmbeddedPost post) {
        return gazetteer.byHandle(post.authorHandle()).orElse(null);
    }
}
