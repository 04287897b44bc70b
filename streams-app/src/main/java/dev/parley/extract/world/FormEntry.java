package dev.parley.extract.world;

/**
 * One way of writing a country (or a generic ministry, or a phrase that blocks matches inside it) in one language.
 *
 * @param code     null for a ministry that needs its country from context and for a block
 * @param via      null for a block ("New Mexico" is not Mexico; "en español" is the language)
 * @param language "es", "en" or "*" (both)
 * @param upper    per char of the folded key: the data writes it upper case and {@code cased} asks the text to
 */
record FormEntry(String code, Via via, String language, String form, boolean cased, boolean alsoPersonName,
                 boolean[] upper) {

    boolean isBlock() {
        return via == null;
    }

    boolean inLanguage(String lang) {
        return language.equals("*") || lang == null || language.equals(lang)
                || !(lang.equals("es") || lang.equals("en"));
    }

    /** The capitals the data writes are in the text too (or the whole text is upper-case copy). */
    boolean caseFits(FoldedText text, int start, boolean upperCaseCopy) {
        if (!cased || upperCaseCopy) {
            return true;
        }
        for (int k = 0; k < upper.length; k++) {
            if (upper[k] && !Character.isUpperCase(text.original.charAt(text.origin[start + k]))) {
                return false;
            }
        }
        return true;
    }
}
