package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ExceptionInfo.Relation;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.Platform;
import org.alexandria.crash.internal.trace.StackFrame;
import org.jspecify.annotations.Nullable;

/**
 * JavaScript {@code error.stack} text: V8 (Chrome, Node.js, Edge) {@code at fn (file:line:col)} frames
 * after a {@code TypeError: message} header, Node's {@code [cause]: ...} blocks, and Firefox/Safari
 * {@code fn@file:line:col} frames, which carry no header.
 */
final class LegacyJavaScriptTraceParser implements LegacyFormatParser {

    private static final String CAUSE = "[cause]: ";
    private static final String ANONYMOUS = "?";

    @Override
    public boolean isFrame(String line) {
        return frame(line) != null;
    }

    @Override
    public ParseResult parse(String text) {
        LegacyLines lines = new LegacyLines(text);
        LegacyTraceBuilder trace = new LegacyTraceBuilder(Platform.JAVASCRIPT);
        LegacyExceptionDraft pending = null;
        LegacyExceptionDraft current = null;
        boolean inProperties = false; // inside Node's "{ code: ..., [cause]: ... }" after the frames
        for (String line = lines.next(); line != null; line = lines.next()) {
            String t = line.strip();
            StackFrame frame = frame(line);
            if (frame != null) {
                if (current == null) {
                    current = pending != null ? pending
                            : new LegacyExceptionDraft(ExceptionInfo.UNKNOWN_TYPE, "", Relation.THROWN, -1, 0);
                    if (!trace.add(current)) {
                        break;
                    }
                }
                current.addFrame(frame);
                inProperties |= t.endsWith(" {");
            } else if (current == null) {
                LegacyHeader h = header(t);
                if (h != null) {
                    pending = new LegacyExceptionDraft(h.type(), h.message(), Relation.THROWN, -1, 0);
                } else if (pending != null && !pending.appendMessageLine(line)) {
                    pending = null;
                }
            } else if (t.startsWith(CAUSE)) {
                LegacyHeader h = header(t.substring(CAUSE.length()));
                current = trace.start(h == null ? ExceptionInfo.UNKNOWN_TYPE : h.type(), h == null ? "" : h.message(),
                        Relation.CAUSE, trace.drafts().size() - 1, LegacyText.indent(line));
                if (current == null) {
                    break;
                }
                inProperties = false;
            } else if (!t.isEmpty() && !inProperties && !t.equals("}")) {
                if (!current.frames.isEmpty() || !current.appendMessageLine(line)) {
                    break;
                }
            }
        }
        if (lines.truncated()) {
            trace.markTruncated();
        }
        return trace.build(false, "no JavaScript stack frames");
    }

    @Nullable
    private static LegacyHeader header(String t) {
        return LegacyHeader.parse(LegacyText.stripPrefix(t, "Uncaught (in promise) ", "Uncaught "), "", true);
    }

    /** @return the frame of a V8 or a Firefox/Safari stack line, or null */
    @Nullable
    static StackFrame frame(String line) {
        String t = line.strip();
        if (t.endsWith(" {")) {
            t = t.substring(0, t.length() - 2); // Node opens the error's properties after the last frame
        }
        return t.startsWith("at ") ? v8(t.substring(3).strip()) : gecko(t);
    }

    /** {@code fn (file:1:2)}, {@code async fn (file:1:2)}, {@code file:1:2}, {@code fn (<anonymous>)}. */
    @Nullable
    private static StackFrame v8(String s) {
        s = LegacyText.stripPrefix(s, "async ");
        int open = s.indexOf(" (");
        if (open > 0 && s.endsWith(")")) {
            String location = s.substring(open + 2, s.length() - 1);
            if (location.startsWith("eval at ")) {
                location = location.substring(location.lastIndexOf(", ") + 2); // the code eval ran
            }
            String function = s.substring(0, open);
            StackFrame f = position(function, location);
            if (f == null && (location.equals("<anonymous>") || location.equals("native")
                    || location.startsWith("index "))) {
                f = StackFrame.of(null, function, location, StackFrame.NO_LINE);
            }
            return f;
        }
        return s.indexOf(' ') >= 0 ? null : position(ANONYMOUS, s);
    }

    /** {@code fn@file:1:2}, {@code @file:1:2}, {@code fn@[native code]}. */
    @Nullable
    private static StackFrame gecko(String t) {
        int at = t.indexOf('@');
        if (at < 0) {
            return null;
        }
        String function = t.substring(0, at);
        if (function.indexOf('(') >= 0 || function.indexOf(')') >= 0 || function.startsWith(" ")) {
            return null;
        }
        String name = function.isEmpty() ? ANONYMOUS : function;
        String location = t.substring(at + 1);
        if (location.equals("[native code]")) {
            return StackFrame.of(null, name, location, StackFrame.NO_LINE);
        }
        return location.indexOf(' ') >= 0 ? null : position(name, location);
    }

    /** @return the frame at {@code file:line:column}, or null when the location is not one */
    @Nullable
    private static StackFrame position(String function, String location) {
        int column = location.lastIndexOf(':');
        int row = column < 0 ? -1 : location.lastIndexOf(':', column - 1);
        if (row <= 0 || LegacyText.number(location.substring(column + 1)) < 0) {
            return null;
        }
        int line = LegacyText.number(location.substring(row + 1, column));
        return line < 0 || function.isEmpty() ? null : StackFrame.of(null, function, location.substring(0, row), line);
    }
}
