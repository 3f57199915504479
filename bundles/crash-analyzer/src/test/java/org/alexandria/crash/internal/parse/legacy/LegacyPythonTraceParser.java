package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import java.util.ArrayList;
import java.util.List;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ExceptionInfo.Relation;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.Platform;
import org.alexandria.crash.internal.trace.StackFrame;
import org.jspecify.annotations.Nullable;

/**
 * CPython tracebacks: {@code Traceback (most recent call last):}, {@code File "x.py", line 3, in f}
 * frames with their source and caret lines, {@code [Previous line repeated N more times]}, and chains
 * joined by "The above exception was the direct cause of the following exception" (a cause) or "During
 * handling of the above exception, another exception occurred" (a context). Python prints the oldest
 * exception first and the innermost frame last; the result is turned around to the JVM order. Only the
 * first line of a message is kept: Python prints the message last, so its further lines cannot be told
 * apart from the log or ticket text that follows a traceback.
 */
final class LegacyPythonTraceParser implements LegacyFormatParser {

    private static final String DIRECT_CAUSE = "The above exception was the direct cause of the following exception:";
    private static final String DURING_HANDLING = "During handling of the above exception, another exception occurred:";

    @Override
    public boolean isFrame(String line) {
        return frame(line) != null;
    }

    @Override
    public ParseResult parse(String text) {
        LegacyLines lines = new LegacyLines(text);
        List<LegacyExceptionDraft> printed = new ArrayList<>(); // oldest first, as printed
        List<Relation> links = new ArrayList<>(); // links.get(i): how printed[i] relates to printed[i + 1]
        LegacyCappedFrames block = null; // frames of the traceback being read, before its exception line
        int frameIndent = 0;
        Relation link = null;
        boolean truncated = false;
        for (String line = lines.next(); line != null; line = lines.next()) {
            String t = line.strip();
            StackFrame frame = frame(line);
            if (frame != null) {
                if (block == null) {
                    if (!printed.isEmpty() && link == null) {
                        break; // a second, unrelated traceback
                    }
                    block = new LegacyCappedFrames();
                }
                block.add(frame);
                frameIndent = LegacyText.indent(line);
            } else if (t.equals(DIRECT_CAUSE) || t.equals(DURING_HANDLING)) {
                link = t.equals(DIRECT_CAUSE) ? Relation.CAUSE : Relation.CONTEXT;
            } else if (block != null && repeated(t) >= 0) {
                block.omit(repeated(t));
            } else if (block != null && LegacyText.indent(line) <= frameIndent && !t.isEmpty()) {
                LegacyHeader h = LegacyHeader.parse(t, "", false);
                if (h == null) {
                    continue; // source and caret lines are indented deeper; anything else is noise
                }
                if (!add(printed, links, new LegacyExceptionDraft(h.type(), h.message(), Relation.THROWN, -1, 0, block), link)) {
                    truncated = true;
                    break;
                }
                block = null;
                link = null;
            }
        }
        if (block != null) { // the text ends before the exception line
            truncated |= !add(printed, links,
                    new LegacyExceptionDraft(ExceptionInfo.UNKNOWN_TYPE, "", Relation.THROWN, -1, 0, block), link);
        }
        return assemble(printed, links, truncated || lines.truncated());
    }

    /** @return false when the chain is full */
    private static boolean add(List<LegacyExceptionDraft> printed, List<Relation> links, LegacyExceptionDraft e,
            @Nullable Relation link) {
        if (printed.size() == ParseLimits.MAX_EXCEPTIONS) {
            return false;
        }
        if (!printed.isEmpty()) {
            links.add(link == null ? Relation.CONTEXT : link);
        }
        printed.add(e);
        return true;
    }

    /** Reverses the chain so that the last exception printed, the one thrown, comes first. */
    private static ParseResult assemble(List<LegacyExceptionDraft> printed, List<Relation> links, boolean truncated) {
        LegacyTraceBuilder trace = new LegacyTraceBuilder(Platform.PYTHON);
        for (int i = printed.size() - 1; i >= 0; i--) {
            LegacyExceptionDraft e = printed.get(i);
            boolean thrown = i == printed.size() - 1;
            e.relation = thrown ? Relation.THROWN : links.get(i);
            e.parent = thrown ? -1 : printed.size() - 2 - i;
            trace.add(e);
        }
        if (truncated) {
            trace.markTruncated();
        }
        return trace.build(true, "no Python traceback");
    }

    /** @return N of {@code [Previous line repeated N more times]}, -1 for other lines */
    private static int repeated(String t) {
        String prefix = "[Previous line repeated ";
        if (!t.startsWith(prefix) || !t.endsWith(" more times]")) {
            return -1;
        }
        return Math.max(0, LegacyText.number(t.substring(prefix.length(), t.length() - " more times]".length())));
    }

    /** @return the frame of a {@code File "path", line N, in function} line, or null */
    @Nullable
    static StackFrame frame(String line) {
        String t = line.strip();
        if (!t.startsWith("File \"")) {
            return null;
        }
        int close = t.indexOf("\", line ", 6);
        if (close < 0) {
            return null;
        }
        String file = t.substring(6, close);
        String rest = t.substring(close + "\", line ".length());
        int comma = rest.indexOf(", in ");
        int number = LegacyText.number(comma < 0 ? rest : rest.substring(0, comma));
        if (number < 0 || file.isEmpty()) {
            return null;
        }
        // SyntaxError frames name no function: the code is the module's own
        String function = comma < 0 ? "<module>" : rest.substring(comma + 5).strip();
        return function.isEmpty() ? null : StackFrame.of(null, function, file, number);
    }
}
