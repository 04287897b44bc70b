package dev.parley.extract;


import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Agreed or scheduled future meetings and actions of one article. In a sentence with an agreement or future cue,
 * each joint body or meeting word starts a clause with its own due date, place and body.
 */
final class CommitmentReader {

    /** A Spanish synthetic future ("enviará", "visitaré"), told by its accent: folded, it is a past subjunctive. */
    private static final java.util.regex.Pattern SPANISH_FUTURE = java.util.regex.Pattern.compile(
            "\\p{L}{2,}[aei]r(?:á|án|ás|é|emos)(?![\\p{L}])");

    private final Gazetteer gazetteer;
    private final Lexicon lexicon;
    private final DateResolver dates;
    private final Ontology ontology;
    private final HeldMeetingReader held;

    CommitmentReader(Gazetteer gazetteer, Lexicon lexicon, DateResolver dates, Ontology ontology) {
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
        this.dates = dates;
        this.ontology = ontology;
        this.held = new HeldMeetingReader(dates);
    }


    List<ArticleCommitment> read(List<Sentence> sentences,
                                                Map<Integer, List<ActorMention>> actorsBySentence,
                                                List<Draft> drafts, Map<Draft, String> ids, List<Mention> mentions,
                                                LocalDate published, String articleId, String text) {
        List<ArticleCommitment> out = new ArrayList<>();
        for (Sentence s : sentences) {
            String folded = Folding.fold(s.text());
            int base = s.span().start();
            boolean agreed = lexicon.triggers.stream().anyMatch(t -> t.kind() == EventKind.AGREEMENT_COMMITMENT
                    && t.pattern().foundIn(folded));
            boolean future = lexicon.futureCues.matcher(folded).find() || SPANISH_FUTURE.matcher(s.text()).find();
            if (!agreed && !future) {
                continue;
            }
            // One sentence may schedule several meetings ("el grupo se reunirá el 20 de marzo y la reunión de alto
            // nivel, prevista para abril, ..."): each body or meeting word starts a clause with its own date and place.
            List<int[]> anchors = new ArrayList<>();
            List<ActorMention> actors = actorsBySentence.get(s.index());
            for (ActorMention a : actors) {
                if (a.actor().type() == ActorType.ORGANISATION && a.actor().countries().size() >= 2) {
                    anchors.add(new int[]{a.span().start() - base, a.span().end() - base, 0});
                }
            }
            Matcher noun = lexicon.meetingNouns.matcher(folded);
            while (noun.find()) {
                anchors.add(new int[]{noun.start(), noun.end(), 1});
            }
            if (anchors.isEmpty()) {
                continue;
            }
            anchors.sort(Comparator.comparingInt(a -> a[0]));
            List<DateResolver.DateMention> sentenceDates = dates.findAll(s.text(), published, true);
            List<List<int[]>> groups = new ArrayList<>();
            for (int[] a : anchors) {
                List<int[]> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
                int gapStart = last == null ? 0 : last.get(last.size() - 1)[1];
                boolean dateBetween = sentenceDates.stream()
                        .anyMatch(d -> d.span().start() >= gapStart && d.span().start() < a[0]);
                if (last != null && a[0] - gapStart <= 40 && !dateBetween) {
                    last.add(a);
                } else {
                    groups.add(new ArrayList<>(List.of(a)));
                }
            }
            List<DateResolver.DateMention> futureDates = ArticleExtractor.shiftDates(dates.findAll(s.text(), published, true), base)
                    .stream().filter(d -> d.date().last().isAfter(published)).toList();
            List<Map.Entry<Span, Place>> places = gazetteer.findPlaces(s.text());
            Draft agreedAt = agreedAtDraft(s, drafts);
            for (int g = 0; g < groups.size(); g++) {
                int from = groups.get(g).get(0)[0];
                int to = g + 1 < groups.size() ? groups.get(g + 1).get(0)[0] : s.text().length();
                boolean single = groups.size() == 1;
                boolean hasNoun = groups.get(g).stream().anyMatch(a -> a[2] == 1);
                Actor body = actors.stream()
                        .filter(a -> a.actor().type() == ActorType.ORGANISATION && a.actor().countries().size() >= 2)
                        .filter(a -> a.span().start() - base >= from && a.span().start() - base < to)
                        .map(ActorMention::actor).findFirst().orElse(null);
                ResolvedDate due = futureDates.stream()
                        .filter(d -> single || (d.span().start() - base >= from && d.span().start() - base < to))
                        .map(DateResolver.DateMention::date).findFirst().orElse(null);
                String placeId = places.stream()
                        .filter(p -> single || (p.getKey().start() >= from && p.getKey().start() < to))
                        .map(p -> p.getValue().id()).findFirst().orElse(null);
                boolean scheduled = (hasNoun || body != null) && due != null;
                boolean bodyTasked = agreed && body != null;
                if (!scheduled && !bodyTasked) {
                    continue;
                }
                List<String> parties = new ArrayList<>();
                java.util.Set<String> countries = new java.util.TreeSet<>();
                if (agreedAt != null) {
                    agreedAt.participants.values().stream().filter(Participant::isKeyActor)
                            .map(Participant::actorId).forEach(parties::add);
                    agreedAt.participants.values().stream().map(Participant::country)
                            .filter(java.util.Objects::nonNull).forEach(countries::add);
                }
                if (body != null && !parties.contains(body.id())) {
                    parties.add(body.id());
                }
                if (body != null) {
                    countries.addAll(body.countries());
                }
                if (agreedAt == null && body == null) {
                    List<ActorMention> clause = partiesOfClause(actors, base, single ? 0 : from, to);
                    clause.stream().map(a -> a.actor().id()).distinct().forEach(parties::add);
                    clause.stream().map(a -> a.actor().country()).filter(java.util.Objects::nonNull)
                            .forEach(countries::add);
                    if (clause.isEmpty()) {
                        plannedSides(mentions, s.index()).forEach(countries::add);
                    }
                }
                String description = describe(s.text(), from, to, hasNoun, body);
                out.add(new ArticleCommitment(articleId + "#c" + (out.size() + 1), articleId,
                        agreedAt == null ? null : ids.get(agreedAt), description, body == null ? null : body.id(),
                        due, placeId, parties, new Passage(articleId, base + from, base + to,
                        text.substring(base + from, base + to)), ArticleCommitment.Report.AGREED,
                        List.copyOf(countries)));
            }
        }
        out.addAll(held.read(sentences, actorsBySentence, published, articleId, text));
        return out;
    }

    /**
     * "Japan and the U.S. will hold talks next week": with no agreement or body to hang on, the parties of a scheduled
     * meeting are the states its clause names, when it names two or more (one state alone is only half of it, and
     * would keep a later report of the meeting from fulfilling it). Those states and the people named with them.
     */
    private static List<ActorMention> partiesOfClause(List<ActorMention> actors, int base, int from, int to) {
        List<ActorMention> clause = actors.stream()
                .filter(a -> a.span().start() - base >= from && a.span().start() - base < to).toList();
        long states = clause.stream().map(a -> a.actor().country()).filter(java.util.Objects::nonNull).distinct().count();
        return states >= 2 ? clause : List.of();
    }

    /**
     * "U.S. and Japanese officials meet tomorrow ... Technical meetings are to be held today and tomorrow": a meeting
     * scheduled with no party of its own is between the sides of the contact the article last told as still to come.
     */
    private static List<String> plannedSides(List<Mention> mentions, int sentence) {
        return mentions.stream()
                .filter(m -> m.hedged && m.sentence.index() <= sentence
                        && dev.parley.extract.syntax.TriggerFinder.CONTACTS.contains(m.kind))
                .map(m -> m.participants.stream().map(Participant::country).filter(java.util.Objects::nonNull)
                        .distinct().sorted().toList())
                .filter(sides -> sides.size() >= 2)
                .reduce((a, b) -> b)
                .orElse(List.of());
    }

    private Draft agreedAtDraft(Sentence s, List<Draft> drafts) {
        Draft best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Draft d : drafts) {
            if (!ontology.info(d.kinds.get(0)).group().equals("INTERACTION")) {
                continue;
            }
            for (int i : d.sentences) {
                int distance = i <= s.index() ? s.index() - i : 1000 + i - s.index();
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = d;
                }
            }
        }
        return best;
    }

    private static String describe(String sentence, int from, int to, boolean hasNoun, Actor body) {
        String clause = sentence.substring(from, to);
        // A named meeting: the capitalised words that start the clause ("Reunión Ministerial de Seguridad").
        Matcher named = java.util.regex.Pattern.compile("^\\p{Lu}\\p{L}+(?:\\s+(?:de\\s+|del\\s+|of\\s+|on\\s+)?\\p{Lu}\\p{L}*)+")
                .matcher(clause);
        if (hasNoun && named.find()) {
            return named.group();
        }
        if (body != null) {
            return "meeting of " + body.name();
        }
        String words = clause.strip();
        return words.length() > 80 ? words.substring(0, 80) : words;
    }
}
