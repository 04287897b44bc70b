package dev.parley.nlp.corenlp;

import dev.parley.nlp.Dependency;
import dev.parley.nlp.EntityMention;
import dev.parley.nlp.ParsedSentence;
import dev.parley.nlp.SentenceParser;
import dev.parley.nlp.Token;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link SentenceParser} backed by Stanford CoreNLP: one pipeline per language, built on first use and shared by
 * every instance and thread of the JVM (CoreNLP annotates separate {@link Annotation}s concurrently).
 * Spanish POS tags are already UPOS; English PTB tags are mapped to UPOS by {@link PennToUniversalPos}.
 */
public final class CoreNlpSentenceParser implements SentenceParser {

    @Override
    public boolean supports(String language) {
        return language != null && Pipelines.supports(normalise(language));
    }

    @Override
    public ParsedSentence parse(String sentence, String language) {
        String lang = language == null ? "" : normalise(language);
        if (!Pipelines.supports(lang)) {
            throw new IllegalArgumentException("no NLP pipeline for language '" + language + "'");
        }
        if (sentence.isBlank()) {
            return new ParsedSentence(sentence, List.of(), List.of(), List.of());
        }
        Annotation annotation = new Annotation(sentence);
        Pipelines.forLanguage(lang).annotate(annotation);
        return toParsedSentence(sentence, annotation, lang.equals("en"));
    }

    private static String normalise(String language) {
        return language.toLowerCase(Locale.ROOT);
    }

    private static ParsedSentence toParsedSentence(String text, Annotation annotation, boolean pennTags) {
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        List<CoreLabel> labels = annotation.get(CoreAnnotations.TokensAnnotation.class);
        // ssplit.isOneSentence gives exactly one sentence; its dependency graph indexes tokens from 1.
        SemanticGraph graph = sentences == null || sentences.isEmpty() ? null
                : sentences.get(0).get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
        List<Dependency> dependencies = graph == null ? List.of() : dependencies(graph);
        Map<Integer, String> relationOfDependent = new HashMap<>();
        dependencies.forEach(d -> relationOfDependent.put(d.dependent(), d.relation()));

        List<Token> tokens = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            CoreLabel label = labels.get(i);
            String tag = label.tag();
            String pos = pennTags ? PennToUniversalPos.map(tag, relationOfDependent.get(i))
                    : tag;
            String ner = label.ner() == null ? "O" : label.ner();
            String lemma = label.lemma() == null ? label.word() : label.lemma();
            tokens.add(new Token(i, label.word(), lemma, pos, ner,
                    label.beginPosition(), label.endPosition()));
        }
        return new ParsedSentence(text, tokens, entityRuns(text, tokens), dependencies);
    }

    private static List<Dependency> dependencies(SemanticGraph graph) {
        List<Dependency> result = new ArrayList<>();
        for (IndexedWord root : graph.getRoots()) {
            result.add(new Dependency(-1, root.index() - 1, "root"));
        }
        for (SemanticGraphEdge edge : graph.edgeIterable()) {
            result.add(new Dependency(edge.getGovernor().index() - 1, edge.getDependent().index() - 1,
                    edge.getRelation().toString()));
        }
        result.sort(Comparator.comparingInt(Dependency::dependent).thenComparingInt(Dependency::head));
        return result;
    }

    /** Maximal runs of one NER label other than "O", as the port documents. */
    private static List<EntityMention> entityRuns(String text, List<Token> tokens) {
        List<EntityMention> mentions = new ArrayList<>();
        int start = 0;
        while (start < tokens.size()) {
            String type = tokens.get(start).ner();
            int end = start + 1;
            while (end < tokens.size() && tokens.get(end).ner().equals(type)) {
                end++;
            }
            if (!type.equals("O")) {
                int begin = tokens.get(start).begin();
                int finish = tokens.get(end - 1).end();
                mentions.add(new EntityMention(type, start, end, text.substring(begin, finish), begin, finish));
            }
            start = end;
        }
        return mentions;
    }

    /** One pipeline per language, each built once per JVM when first asked for (class-holder idiom). */
    private static final class Pipelines {

        static boolean supports(String language) {
            return language.equals("es") || language.equals("en");
        }

        static StanfordCoreNLP forLanguage(String language) {
            return language.equals("es") ? SpanishHolder.PIPELINE : EnglishHolder.PIPELINE;
        }

        private static final class SpanishHolder {
            static final StanfordCoreNLP PIPELINE = new StanfordCoreNLP(CoreNlpProperties.spanish());
        }

        private static final class EnglishHolder {
            static final StanfordCoreNLP PIPELINE = new StanfordCoreNLP(CoreNlpProperties.english());
        }
    }
}
