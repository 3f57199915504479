package org.alexandria.tickets.internal.dedup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.util.BytesRef;

/**
 * Says in a few words why an indexed ticket matched: the most telling shared terms (as the asking ticket wrote them),
 * the shared exception types and the shared top frames.
 */
final class MatchExplainer {

    private static final int MAX_TERMS = 5;
    private static final int MAX_FRAMES = 3;

    private final IndexReader reader;
    private final TermVectors termVectors;
    private final TicketQuery query;

    /**
     * @param reader the reader the hits come from
     * @param query  the query that found them
     * @throws IOException on an index read failure
     */
    MatchExplainer(IndexReader reader, TicketQuery query) throws IOException {
        this.reader = reader;
        this.termVectors = reader.termVectors();
        this.query = query;
    }

    /**
     * @param docId a hit
     * @return e.g. {@code terms: Netty, upgrade; exceptions: IOException; frames: DFSClient.open}
     * @throws IOException on an index read failure
     */
    String explain(int docId) throws IOException {
        List<String> parts = new ArrayList<>();
        List<String> terms = sharedTerms(docId);
        if (!terms.isEmpty()) {
            parts.add("terms: " + String.join(", ", terms));
        }
        List<String> exceptions = new ArrayList<>();
        List<String> frames = new ArrayList<>();
        for (String token : sharedTraceTokens(docId)) {
            if (token.startsWith(IndexFields.EXCEPTION_PREFIX)) {
                exceptions.add(token.substring(IndexFields.EXCEPTION_PREFIX.length()));
            } else if (frames.size() < MAX_FRAMES) {
                frames.add(shortFrame(token.substring(IndexFields.FRAME_PREFIX.length())));
            }
        }
        if (!exceptions.isEmpty()) {
            parts.add("exceptions: " + String.join(", ", exceptions));
        }
        if (!frames.isEmpty()) {
            parts.add("frames: " + String.join(", ", frames));
        }
        return String.join("; ", parts);
    }

    /** Rarest first: a frame every timeout report shares ({@code Thread.run}) tells less than a product frame. */
    private List<String> sharedTraceTokens(int docId) throws IOException {
        Set<String> asked = new HashSet<>(IndexFields.traceTokens(query.trace()));
        Map<String, Integer> shared = new LinkedHashMap<>();
        for (IndexableField field : reader.storedFields().document(docId).getFields(IndexFields.TRACE)) {
            String token = field.stringValue();
            if (asked.contains(token)) {
                shared.put(token, reader.docFreq(new Term(IndexFields.TRACE, token)));
            }
        }
        List<String> rarestFirst = new ArrayList<>(shared.keySet());
        rarestFirst.sort(Comparator.comparingInt(shared::get));
        return rarestFirst;
    }

    private List<String> sharedTerms(int docId) throws IOException {
        Set<String> shared = new LinkedHashSet<>();
        // one decoding of the document's vectors for both fields (get(doc, field) decodes them all each time)
        Fields vectors = termVectors.get(docId);
        if (vectors == null) {
            return List.of();
        }
        for (String field : List.of(IndexFields.SUBJECT, IndexFields.BODY)) {
            Terms vector = vectors.terms(field);
            if (vector == null) {
                continue;
            }
            TermsEnum terms = vector.iterator();
            for (String term : query.importance().keySet()) {
                if (terms.seekExact(new BytesRef(term))) {
                    shared.add(term);
                }
            }
        }
        Map<String, Double> importance = query.importance();
        List<String> ranked = new ArrayList<>(shared);
        ranked.sort(Comparator.comparingDouble((String t) -> -importance.get(t)));
        return ranked.stream().map(query::surface).distinct().limit(MAX_TERMS).toList();
    }

    /** {@code org.apache.hadoop.fs.FileSystem.open} reads better as {@code FileSystem.open}. */
    private static String shortFrame(String frame) {
        int method = frame.lastIndexOf('.');
        int type = frame.lastIndexOf('.', method - 1);
        return frame.substring(type + 1);
    }
}
