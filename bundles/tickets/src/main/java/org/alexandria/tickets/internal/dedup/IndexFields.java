package org.alexandria.tickets.internal.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;

/** The fields of an indexed ticket and how a {@link TicketText} becomes a Lucene document. */
final class IndexFields {

    /** Ticket id: stored, exact. */
    static final String ID = "id";
    /** Analyzed subject. */
    static final String SUBJECT = "subject";
    /** Analyzed description. */
    static final String BODY = "body";
    /** Exception types ({@code ex:} prefix) and top frames ({@code at:} prefix): exact, stored for explanations. */
    static final String TRACE = "trace";
    /** Product: exact, for filtering. */
    static final String PRODUCT = "product";
    /** Creation time in epoch seconds, for the recency prior. */
    static final String CREATED = "created";

    static final String EXCEPTION_PREFIX = "ex:";
    static final String FRAME_PREFIX = "at:";

    /** Frequencies and norms for BM25; term vectors so that explanations can list the shared terms. */
    private static final FieldType TEXT = new FieldType();

    static {
        TEXT.setTokenized(true);
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        TEXT.setStoreTermVectors(true);
        TEXT.freeze();
    }

    private IndexFields() {
    }

    /**
     * @param ticketId the ticket's id
     * @param text     its text
     * @param trace    its trace signals
     * @return the document to index
     */
    static Document document(String ticketId, TicketText text, TraceSignals trace) {
        Document doc = new Document();
        doc.add(new StringField(ID, ticketId, Field.Store.YES));
        doc.add(new Field(SUBJECT, text.subject(), TEXT));
        doc.add(new Field(BODY, text.description(), TEXT));
        for (String token : traceTokens(trace)) {
            doc.add(new StringField(TRACE, token, Field.Store.YES));
        }
        if (text.product() != null) {
            doc.add(new StringField(PRODUCT, text.product(), Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(CREATED, text.created().getEpochSecond()));
        return doc;
    }

    /**
     * @param trace trace signals
     * @return the exact tokens that represent them in the {@link #TRACE} field
     */
    static List<String> traceTokens(TraceSignals trace) {
        List<String> tokens = new ArrayList<>();
        trace.exceptionTypes().forEach(t -> tokens.add(EXCEPTION_PREFIX + t));
        trace.frames().forEach(f -> tokens.add(FRAME_PREFIX + f));
        return tokens;
    }
}
