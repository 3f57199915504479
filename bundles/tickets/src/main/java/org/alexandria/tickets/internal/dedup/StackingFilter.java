package org.alexandria.tickets.internal.dedup;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Passes every token through and stacks extra tokens derived from it at the same position (position increment 0),
 * like synonyms: matching is bag-of-words, so the extra tokens only add ways to match.
 */
abstract class StackingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private AttributeSource.State original;

    StackingFilter(TokenStream input) {
        super(input);
    }

    /**
     * @param token a token as it comes from the input
     * @return the tokens to stack on it, none equal to it
     */
    abstract List<String> extras(String token);

    @Override
    public final boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(original);
            term.setEmpty().append(pending.poll());
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        List<String> extras = extras(term.toString());
        if (!extras.isEmpty()) {
            pending.addAll(extras);
            original = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        original = null;
    }
}
