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
 * .NET {@code Exception.ToString()} text: a header {@code Outer: msg ---> Inner: msg} (on one line as
 * .NET Framework prints it, or with {@code  ---> Inner: msg} lines as .NET Core does), then the frames
 * of the innermost exception, {@code --- End of inner exception stack trace ---}, the frames of the
 * next one out, and so on. Frames read {@code at Ns.Type.Method(Type arg) in file.cs:line 12}.
 */
final class LegacyDotNetTraceParser implements LegacyFormatParser {

    private static final String INNER = "---> ";
    private static final String END_OF_INNER = "--- End of inner exception stack trace ---";
    private static final String NAME_CHARS = "`+<>[],";

    @Override
    public boolean isFrame(String line) {
        return frame(line) != null;
    }

    @Override
    public ParseResult parse(String text) {
        LegacyLines lines = new LegacyLines(text);
        LegacyTraceBuilder trace = new LegacyTraceBuilder(Platform.DOTNET);
        List<LegacyExceptionDraft> pending = new ArrayList<>(); // outermost first, until the first frame
        int block = -1; // index of the exception whose frames are being read: innermost first
        for (String line = lines.next(); line != null; line = lines.next()) {
            String t = line.strip();
            StackFrame frame = frame(line);
            if (frame != null) {
                if (block < 0) {
                    block = begin(trace, pending);
                    if (block < 0) {
                        break;
                    }
                }
                trace.drafts().get(block).addFrame(frame);
            } else if (block >= 0) {
                if (t.equals(END_OF_INNER)) {
                    block = Math.max(0, block - 1);
                } else if (!t.isEmpty() && !(t.startsWith("--- ") && t.endsWith(" ---"))) {
                    break; // other "--- ... ---" lines mark async continuations within one stack
                }
            } else if (t.startsWith(INNER) && !pending.isEmpty()) {
                addHeaders(pending, t.substring(INNER.length()), false);
            } else {
                List<LegacyExceptionDraft> chain = new ArrayList<>();
                if (addHeaders(chain, LegacyText.stripPrefix(t, "Unhandled exception. ", "Unhandled Exception: "), true)) {
                    pending = chain;
                } else if (!pending.isEmpty() && !pending.get(pending.size() - 1).appendMessageLine(line)) {
                    pending.clear();
                }
            }
        }
        if (lines.truncated()) {
            trace.markTruncated();
        }
        return trace.build(false, "no .NET stack frames");
    }

    /** Moves the header chain into the trace. @return the innermost exception's index, -1 when full */
    private static int begin(LegacyTraceBuilder trace, List<LegacyExceptionDraft> chain) {
        if (chain.isEmpty()) {
            chain.add(new LegacyExceptionDraft(ExceptionInfo.UNKNOWN_TYPE, "", Relation.THROWN, -1, 0));
        }
        for (LegacyExceptionDraft d : chain) {
            if (!trace.add(d)) {
                break;
            }
        }
        return trace.drafts().size() - 1;
    }

    /**
     * Reads {@code A: m ---> B: m} into exceptions appended to the chain, each the cause of the previous.
     *
     * @param strict true when the text must start with a qualified type (a new header); false after
     *               {@code --->}, where the type need not be qualified
     * @return false when the text does not start with a header
     */
    private static boolean addHeaders(List<LegacyExceptionDraft> chain, String text, boolean strict) {
        String[] parts = text.split(" " + INNER, ParseLimits.MAX_EXCEPTIONS);
        LegacyHeader first = header(parts[0], strict);
        if (first == null) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            LegacyHeader h = i == 0 ? first : header(parts[i], false);
            if (h == null) {
                chain.get(chain.size() - 1).appendMessageLine(INNER + parts[i]);
                continue;
            }
            boolean thrown = chain.isEmpty();
            chain.add(new LegacyExceptionDraft(h.type(), h.message(), thrown ? Relation.THROWN : Relation.CAUSE,
                    chain.size() - 1, 0));
        }
        return true;
    }

    /** A header, where the type may carry an error code: {@code System.Net.Sockets.SocketException (111): ...}. */
    @Nullable
    private static LegacyHeader header(String text, boolean strict) {
        int colon = text.indexOf(": ");
        int code = colon < 0 ? -1 : text.lastIndexOf(" (", colon);
        if (code > 0 && text.charAt(colon - 1) == ')' && LegacyText.number(text.substring(code + 2, colon - 1)) >= 0) {
            text = text.substring(0, code) + text.substring(colon);
        }
        return LegacyHeader.parse(text, "`+", strict);
    }

    /** @return the frame of an {@code at Ns.Type.Method(args) in file:line N} line, or null */
    @Nullable
    static StackFrame frame(String line) {
        String t = line.strip();
        if (!t.startsWith("at ")) {
            return null;
        }
        String s = t.substring(3);
        String file = null;
        int number = StackFrame.NO_LINE;
        int in = s.lastIndexOf(") in ");
        if (in > 0) {
            String location = s.substring(in + 5);
            int mark = location.lastIndexOf(":line ");
            if (mark <= 0 || (number = LegacyText.number(location.substring(mark + 6))) < 0) {
                return null;
            }
            file = location.substring(0, mark);
            s = s.substring(0, in + 1);
        }
        int open = s.indexOf('(');
        if (open <= 0 || !s.endsWith(")")) {
            return null;
        }
        String parameters = s.substring(open + 1, s.length() - 1);
        // .NET names each parameter ("String name"); a Java location such as (Foo.java:12) has no space
        if (!parameters.isEmpty() && parameters.indexOf(' ') < 0) {
            return null;
        }
        return symbol(s.substring(0, open), file, number);
    }

    /** Splits {@code Ns.Type.Method}, {@code Ns.Type..ctor}; a name without a type (e.g. {@code lambda_method}) has no module. */
    @Nullable
    private static StackFrame symbol(String name, @Nullable String file, int line) {
        if (!LegacyText.isDottedName(name.replace("..", "."), NAME_CHARS)) {
            return null;
        }
        int ctor = name.indexOf("..");
        int split = ctor > 0 ? ctor : name.lastIndexOf('.');
        return split <= 0 ? StackFrame.of(null, name, file, line)
                : StackFrame.of(name.substring(0, split), name.substring(split + 1), file, line);
    }
}
