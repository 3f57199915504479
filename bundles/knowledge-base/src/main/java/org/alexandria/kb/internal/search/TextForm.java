package org.alexandria.kb.internal.search;

/**
 * The ways one text is indexed, each in its own Lucene field (the text field's name plus {@link #suffix()}),
 * so that a query can weigh them separately.
 */
public enum TextForm {
    /** Stemmed words: the main evidence. */
    WORDS(""),
    /** Pairs of adjacent stemmed words: rewards matching phrasing ("top up", "not working"). */
    SHINGLES(".shingles"),
    /**
     * The first {@link TextAnalysis#PREFIX_LENGTH} letters of each word: a coarse stem that also matches variants
     * Porter keeps apart ("verify"/"verification") and misspelled word endings, at the cost of one term a word.
     */
    PREFIXES(".prefixes");

    private final String suffix;

    TextForm(String suffix) {
        this.suffix = suffix;
    }

    /** @return what is appended to a text field's name for this form */
    public String suffix() {
        return suffix;
    }

    /**
     * @param textField a text field's base name, e.g. {@link ArticleFields#QUESTION}
     * @return the field holding this form of it
     */
    public String field(String textField) {
        return textField + suffix;
    }

    /** @return the form a field holds, by its suffix */
    static TextForm ofField(String field) {
        for (TextForm form : values()) {
            if (form != WORDS && field.endsWith(form.suffix)) {
                return form;
            }
        }
        return WORDS;
    }

    /** @return the text field a field is a form of, e.g. "question" for "question.shingles" */
    static String textField(String field) {
        return field.substring(0, field.length() - ofField(field).suffix.length());
    }
}
