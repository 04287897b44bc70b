package dev.parley.nlp.corenlp;

import java.util.Properties;

/**
 * The two pipelines' settings. Every model file named here (and CoreNLP's defaults for what is not named) must be
 * among the model files the build copies into the application jar.
 */
final class CoreNlpProperties {

    private CoreNlpProperties() {
    }

    /** CoreNLP's Spanish settings (StanfordCoreNLP-spanish.properties) without kbp, numeric classifiers or SUTime. */
    static Properties spanish() {
        Properties p = common();
        p.setProperty("annotators", "tokenize,ssplit,mwt,pos,lemma,ner,depparse");
        p.setProperty("tokenize.language", "es");
        p.setProperty("mwt.mappingFile", "edu/stanford/nlp/models/mwt/spanish/spanish-mwt.tsv");
        p.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/spanish-ud.tagger");
        p.setProperty("ner.model", "edu/stanford/nlp/models/ner/spanish.ancora.distsim.s512.crf.ser.gz");
        p.setProperty("ner.language", "es");
        p.setProperty("depparse.model", "edu/stanford/nlp/models/parser/nndep/UD_Spanish.gz");
        p.setProperty("depparse.language", "spanish");
        // The fine-grained gazetteer gives TITLE, COUNTRY, NATIONALITY, CITY… on top of the CRF's coarse types.
        p.setProperty("ner.fine.regexner.mapping",
                "edu/stanford/nlp/models/kbp/spanish/gazetteers/kbp_regexner_mapping_sp.tag");
        p.setProperty("ner.fine.regexner.validpospattern", "(NOUN|ADJ|PROPN).*");
        p.setProperty("ner.fine.regexner.ignorecase", "true");
        p.setProperty("ner.fine.regexner.noDefaultOverwriteLabels", "CITY,COUNTRY,STATE_OR_PROVINCE");
        return p;
    }

    /** English with the 3-class CRF (PERSON, ORGANIZATION, LOCATION) refined by CoreNLP's default gazetteers. */
    static Properties english() {
        Properties p = common();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse");
        p.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
        p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        p.setProperty("depparse.model", "edu/stanford/nlp/models/parser/nndep/english_UD.gz");
        return p;
    }

    private static Properties common() {
        Properties p = new Properties();
        // Parley hands the parser one sentence at a time.
        p.setProperty("ssplit.isOneSentence", "true");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.useSUTime", "false");
        return p;
    }
}
