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
 * Native backtraces. gdb: {@code #0  0x00007f... in fn (args) at file.c:12} or {@code ... from
 * /lib/libc.so.6}, lines gdb wrapped inside the argument list joined back; the signal comes from
 * {@code Program received signal SIGSEGV, Segmentation fault.}. lldb: {@code frame #0: 0x0000...
 * module`fn + 12 at file.c:12:3}; the signal or exception from {@code stop reason = EXC_BAD_ACCESS ...}.
 * Only the first thread's backtrace is read.
 */
final class LegacyNativeTraceParser implements LegacyFormatParser {

    private static final String RECEIVED_SIGNAL = "received signal ";
    private static final String STOP_REASON = "stop reason = ";
    /** gdb wraps long argument lists; more continuation lines than this mean it was not a wrap. */
    private static final int MAX_WRAPPED_LINES = 8;

    @Override
    public boolean isFrame(String line) {
        return frame(line) != null;
    }

    @Override
    public ParseResult parse(String text) {
        LegacyLines lines = new LegacyLines(text);
        LegacyTraceBuilder trace = new LegacyTraceBuilder(Platform.NATIVE);
        LegacyHeader signal = null;
        LegacyExceptionDraft current = null;
        for (String line = lines.next(); line != null; line = lines.next()) {
            String t = line.strip();
            for (int wrapped = 0; t.startsWith("#") && unclosed(t) && wrapped < MAX_WRAPPED_LINES; wrapped++) {
                String more = lines.next();
                if (more == null) {
                    break;
                }
                t = t + " " + more.strip();
            }
            StackFrame frame = frame(t);
            if (frame != null && current != null && frameNumber(t) == 0) {
                break; // the next thread's backtrace
            }
            if (frame != null) {
                if (current == null) {
                    LegacyHeader h = signal == null ? new LegacyHeader(ExceptionInfo.UNKNOWN_TYPE, "") : signal;
                    current = trace.start(h.type(), h.message(), Relation.THROWN, -1, 0);
                    if (current == null) {
                        break;
                    }
                }
                current.addFrame(frame);
            } else if (current == null) {
                LegacyHeader h = signal(t);
                signal = h == null ? signal : h;
            } else if (!t.isEmpty()) {
                break;
            }
        }
        if (lines.truncated()) {
            trace.markTruncated();
        }
        return trace.build(false, "no gdb or lldb backtrace");
    }

    private static boolean unclosed(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth > 0;
    }

    /** @return the signal or exception of a gdb "received signal" or lldb "stop reason" line */
    @Nullable
    private static LegacyHeader signal(String t) {
        int at = t.indexOf(RECEIVED_SIGNAL);
        if (at >= 0) {
            String rest = t.substring(at + RECEIVED_SIGNAL.length());
            int comma = rest.indexOf(", ");
            String type = comma < 0 ? rest : rest.substring(0, comma);
            String message = comma < 0 ? "" : rest.substring(comma + 2);
            return type.isEmpty() ? null : new LegacyHeader(type.strip(), message.endsWith(".")
                    ? message.substring(0, message.length() - 1) : message);
        }
        at = t.indexOf(STOP_REASON);
        if (at >= 0) {
            String rest = LegacyText.stripPrefix(t.substring(at + STOP_REASON.length()), "signal ").strip();
            int space = rest.indexOf(' ');
            return rest.isEmpty() ? null
                    : new LegacyHeader(space < 0 ? rest : rest.substring(0, space), space < 0 ? "" : rest.substring(space + 1));
        }
        return null;
    }

    /** @return the frame number of a gdb or lldb frame line */
    private static int frameNumber(String t) {
        String s = LegacyText.stripPrefix(t, "* ");
        s = LegacyText.stripPrefix(s, "frame #", "#");
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return LegacyText.number(s.substring(0, end));
    }

    /** @return the frame of a gdb or lldb backtrace line, or null */
    @Nullable
    static StackFrame frame(String line) {
        String t = LegacyText.stripPrefix(line.strip(), "* ");
        if (t.startsWith("frame #")) {
            return lldb(t);
        }
        return t.startsWith("#") ? gdb(t) : null;
    }

    @Nullable
    private static StackFrame gdb(String t) {
        int end = 1;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        if (end == 1 || end == t.length() || t.charAt(end) != ' ') {
            return null;
        }
        String rest = t.substring(end).strip();
        boolean addressed = rest.startsWith("0x");
        if (addressed) {
            int in = rest.indexOf(" in ");
            if (in < 0 || !isHex(rest.substring(2, in))) {
                return null;
            }
            rest = rest.substring(in + 4);
        }
        int open = rest.indexOf(" (");
        int close = rest.lastIndexOf(')');
        // C++ names may hold spaces (templates); without gdb's "0x... in" they would admit prose
        if (open <= 0 || close < open || (!addressed && rest.substring(0, open).indexOf(' ') >= 0)) {
            return null;
        }
        String function = rest.substring(0, open);
        String after = rest.substring(close + 1).strip();
        if (after.startsWith("from ")) {
            return StackFrame.of(after.substring(5).strip(), function, null, StackFrame.NO_LINE);
        }
        if (after.startsWith("at ")) {
            return fileAndLine(null, function, after.substring(3).strip());
        }
        return after.isEmpty() ? StackFrame.of(null, function, null, StackFrame.NO_LINE) : null;
    }

    /** {@code frame #3: 0x00000001000011a4 app`parse(p=0x0) + 36 at parser.c:12:7 [opt]}. */
    @Nullable
    private static StackFrame lldb(String t) {
        int colon = t.indexOf(": 0x");
        if (colon < 0 || frameNumber(t) < 0) {
            return null;
        }
        String rest = t.substring(colon + 2);
        int space = rest.indexOf(' ');
        if (space < 0) {
            return isHex(rest.substring(2)) ? StackFrame.of(null, "?", null, StackFrame.NO_LINE) : null;
        }
        rest = rest.substring(space + 1).strip();
        if (rest.endsWith("]")) {
            int open = rest.lastIndexOf(" [");
            rest = open > 0 ? rest.substring(0, open) : rest;
        }
        int tick = rest.indexOf('`');
        if (tick <= 0) {
            return StackFrame.of(rest, "?", null, StackFrame.NO_LINE);
        }
        String module = rest.substring(0, tick);
        String symbol = rest.substring(tick + 1);
        int at = symbol.lastIndexOf(" at ");
        String location = at < 0 ? null : symbol.substring(at + 4).strip();
        String function = at < 0 ? symbol : symbol.substring(0, at);
        int offset = function.lastIndexOf(" + ");
        if (offset > 0 && LegacyText.number(function.substring(offset + 3)) >= 0) {
            function = function.substring(0, offset);
        }
        if (function.isEmpty()) {
            return null;
        }
        return location == null ? StackFrame.of(module, function, null, StackFrame.NO_LINE)
                : fileAndLine(module, function, location);
    }

    /** Reads {@code file.c:12} or lldb's {@code file.c:12:7}; the file may hold colons ({@code C:\\src}). */
    @Nullable
    private static StackFrame fileAndLine(@Nullable String module, String function, String location) {
        int last = location.lastIndexOf(':');
        if (last <= 0) {
            return null;
        }
        int previous = location.lastIndexOf(':', last - 1);
        boolean withColumn = previous > 0 && LegacyText.number(location.substring(previous + 1, last)) >= 0;
        int split = withColumn ? previous : last;
        int line = LegacyText.number(location.substring(split + 1, withColumn ? last : location.length()));
        return line < 0 ? null : StackFrame.of(module, function, location.substring(0, split), line);
    }

    private static boolean isHex(String s) {
        if (s.isEmpty() || s.length() > 16) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
