package org.alexandria.crash.internal.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A recognised stack trace.
 *
 * @param platform   the runtime that printed it
 * @param exceptions the thrown exception first, then its causes, contexts and suppressed exceptions in
 *                   the order the JVM prints them (outermost first, whatever order the platform prints)
 * @param truncated  true when a parse limit dropped part of the input (frames, exceptions, lines)
 */
public record ParsedTrace(Platform platform, List<ExceptionInfo> exceptions, boolean truncated)
        implements ParseResult {

    public ParsedTrace {
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("a trace has at least one exception");
        }
        exceptions = List.copyOf(exceptions);
    }

    /** @return the exception that was thrown */
    public ExceptionInfo thrown() {
        return exceptions.get(0);
    }

    /**
     * Follows causes and contexts from the thrown exception, ignoring suppressed exceptions.
     *
     * @return the thrown exception, its cause, the cause's cause, ... down to the root cause
     */
    public List<ExceptionInfo> causalChain() {
        List<ExceptionInfo> chain = new ArrayList<>();
        int current = 0;
        chain.add(exceptions.get(0));
        boolean found = true;
        while (found) {
            found = false;
            for (int i = current + 1; i < exceptions.size(); i++) {
                ExceptionInfo e = exceptions.get(i);
                if (e.parent() == current && e.relation() != ExceptionInfo.Relation.SUPPRESSED) {
                    chain.add(e);
                    current = i;
                    found = true;
                    break;
                }
            }
        }
        return chain;
    }

    /** @return the last exception of the {@link #causalChain()}, where the failure started */
    public ExceptionInfo rootCause() {
        List<ExceptionInfo> chain = causalChain();
        return chain.get(chain.size() - 1);
    }
}
