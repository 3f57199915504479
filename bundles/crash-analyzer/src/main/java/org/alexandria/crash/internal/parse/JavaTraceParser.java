package org.alexandria.crash.internal.parse;

import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ExceptionInfo.Relation;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.Platform;
import org.alexandria.crash.internal.trace.StackFrame;
import org.jspecify.annotations.Nullable;

/**
 * JVM stack traces as {@code Throwable.printStackTrace} and the logging frameworks print them:
 * {@code Caused by:}, nested {@code Suppressed:} blocks (nesting follows indentation),
 * {@code ... N more} / {@code ... N common frames omitted}, multi-line messages, JDK 9+ module prefixes
 * ({@code java.base/}) and logback packaging data ({@code ~[app.jar:1.0]}).
 */
final class JavaTraceParser implements FormatParser {

    private static final String CAUSED_BY = "Caused by: ";
    private static final String SUPPRESSED = "Suppressed: ";
    private static final String UNKNOWN = ExceptionInfo.UNKNOWN_TYPE;

    @Override
    public boolean isFrame(String line) {
        return frame(line) != null;
    }

    @Override
    public ParseResult parse(String text) {
        return parse(text, null);
    }

    /**
     * @param known the frames of the text's lines as {@link #frame(String)} reads them, found while detecting the
     *              format; null to read every line here
     */
    ParseResult parse(String text, @Nullable JavaFrames known) {
        Lines lines = new Lines(text);
        TraceBuilder trace = new TraceBuilder(Platform.JAVA);
        ExceptionDraft pending = null; // header seen before the first frame, with its message lines
        ExceptionDraft current = null;
        int index = 0;
        for (String line = lines.next(); line != null; line = lines.next(), index++) {
            StackFrame frame = known == null ? frame(line) : known.at(index);
            if (frame != null) {
                if (current == null) {
                    current = pending != null ? pending : new ExceptionDraft(UNKNOWN, "", Relation.THROWN, -1, 0);
                    if (!trace.add(current)) {
                        break;
                    }
                }
                current.addFrame(frame);
                continue;
            }
            String t = line.strip();
            if (current == null) {
                Header h = header(t);
                if (h != null) {
                    pending = new ExceptionDraft(h.type(), h.message(), Relation.THROWN, -1, 0);
                } else if (pending != null && !pending.appendMessageLine(line)) {
                    pending = null; // too far from any frame to be this trace's header
                }
                continue;
            }
            int omitted = omittedCount(t);
            if (omitted >= 0) {
                current.frames.omit(omitted);
            } else if (t.startsWith(CAUSED_BY) || t.startsWith(SUPPRESSED)) {
                ExceptionDraft next = nested(trace, t, Text.indent(line));
                if (next == null) {
                    break;
                }
                current = next;
            } else if (!t.isEmpty()) {
                if (!current.frames.isEmpty() || !current.appendMessageLine(line)) {
                    break; // the trace is over
                }
            }
        }
        if (lines.truncated()) {
            trace.markTruncated();
        }
        return trace.build(false, "no Java stack frames");
    }

    /** A header line: {@code java.lang.IllegalStateException: msg}, optionally after {@code Exception in thread "main" }. */
    @Nullable
    private static Header header(String t) {
        String prefix = "Exception in thread \"";
        if (t.startsWith(prefix)) {
            int close = t.indexOf("\" ", prefix.length());
            return close < 0 ? null : Header.parse(t.substring(close + 2), "", false);
        }
        return Header.parse(t, "", true);
    }

    /**
     * Starts a {@code Caused by:} or {@code Suppressed:} exception. A cause belongs to the latest
     * exception at its indentation or less, a suppressed exception to the latest one indented less.
     */
    @Nullable
    private static ExceptionDraft nested(TraceBuilder trace, String t, int indent) {
        boolean suppressed = t.startsWith(SUPPRESSED);
        Header h = Header.parse(t.substring(suppressed ? SUPPRESSED.length() : CAUSED_BY.length()), "", false);
        if (h == null) {
            h = new Header(UNKNOWN, t);
        }
        int parent = trace.drafts().size() - 1;
        for (int i = trace.drafts().size() - 1; i >= 0; i--) {
            int at = trace.drafts().get(i).indent;
            if (suppressed ? at < indent : at <= indent) {
                parent = i;
                break;
            }
        }
        return trace.start(h.type(), h.message(), suppressed ? Relation.SUPPRESSED : Relation.CAUSE, parent, indent);
    }

    /** @return N of {@code ... N more} or {@code ... N common frames omitted}, -1 for other lines */
    private static int omittedCount(String t) {
        if (!t.startsWith("... ")) {
            return -1;
        }
        String rest = t.substring(4);
        int space = rest.indexOf(' ');
        return space < 0 ? -1 : Math.max(0, Text.number(rest.substring(0, space)));
    }

    /** @return the frame of an {@code at pkg.Class.method(File.java:12)} line, or null */
    @Nullable
    static StackFrame frame(String line) {
        String s = line.strip();
        if (!s.startsWith("at ")) {
            return null;
        }
        s = s.substring(3).strip();
        if (s.endsWith("]")) {
            int packaging = s.lastIndexOf(" [");
            int tilde = s.lastIndexOf(" ~[");
            int cut = Math.max(packaging, tilde);
            if (cut > 0) {
                s = s.substring(0, cut).strip();
            }
        }
        int open = s.indexOf('(');
        if (open <= 0 || !s.endsWith(")")) {
            return null;
        }
        String symbol = s.substring(0, open);
        // JDK 9+ prefixes the module and class loader ("java.base@17/", "app//"); a hidden lambda
        // class keeps its "/0x..." suffix
        for (int slash = symbol.indexOf('/'); slash >= 0 && !symbol.startsWith("0x", slash + 1);
                slash = symbol.indexOf('/')) {
            symbol = symbol.substring(slash + 1);
        }
        int dot = symbol.lastIndexOf('.');
        if (dot <= 0 || dot == symbol.length() - 1) {
            return null;
        }
        String module = symbol.substring(0, dot);
        String function = symbol.substring(dot + 1);
        if (!Text.isDottedName(module, "-/") || !Text.isDottedName(function, "<>-") || function.indexOf('.') >= 0) {
            return null;
        }
        return location(module, function, s.substring(open + 1, s.length() - 1));
    }

    /** Reads {@code File.java:12}, {@code Native Method}, {@code Unknown Source}, {@code <generated>}. */
    @Nullable
    private static StackFrame location(String module, String function, String location) {
        if (location.equals("Native Method") || location.startsWith("Unknown Source")
                || location.equals("<generated>")) {
            return StackFrame.of(module, function, null, StackFrame.NO_LINE);
        }
        int colon = location.lastIndexOf(':');
        String file = colon < 0 ? location : location.substring(0, colon);
        int line = colon < 0 ? StackFrame.NO_LINE : Text.number(location.substring(colon + 1));
        if (!Text.isDottedName(file, "-") || (colon >= 0 && line < 0)) {
            return null;
        }
        return StackFrame.of(module, function, file, line);
    }
}
