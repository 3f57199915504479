package org.alexandria.crash.internal.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.InAppRules;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.StackFrame;
import org.alexandria.crash.internal.trace.Unparsed;
import org.jspecify.annotations.Nullable;

/**
 * Finds and parses the first stack trace in a text: Java/JVM, Python, JavaScript, .NET or a gdb/lldb
 * backtrace. The platform is detected by counting the lines each format recognises as frames; the
 * format with most frames parses the text (the next one if it finds no trace). Frames are then
 * classified with the {@link InAppRules}. Each format's frame check runs only on lines that can be its
 * frames, and the Java frames found while detecting are not parsed again. Never throws: any input without a
 * recognisable trace, and any internal failure, gives an {@link Unparsed} with the reason. Thread-safe and
 * stateless.
 */
public final class CrashParser {

    private static final JavaTraceParser JAVA_PARSER = new JavaTraceParser();
    private static final List<FormatParser> FORMATS = List.of(JAVA_PARSER, new PythonTraceParser(),
            new JavaScriptTraceParser(), new DotNetTraceParser(), new NativeTraceParser());
    private static final int JAVA = 0;
    private static final int PYTHON = 1;
    private static final int JAVASCRIPT = 2;
    private static final int DOTNET = 3;
    private static final int NATIVE = 4;

    private final InAppRules inApp;

    /** @param inApp decides the {@link StackFrame#inApp()} flag of every frame */
    public CrashParser(InAppRules inApp) {
        this.inApp = inApp;
    }

    /** A parser with {@link InAppRules#defaults()}. */
    public CrashParser() {
        this(InAppRules.defaults());
    }

    /**
     * @param text a crash log, a stack trace, or any text that may contain one (e.g. a ticket)
     * @return the parsed trace, or why there is none
     */
    public ParseResult parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new Unparsed("empty input");
        }
        try {
            ParseResult result = new Unparsed("no stack frames recognised");
            JavaFrames javaFrames = new JavaFrames();
            for (int format : detect(text, javaFrames)) {
                result = format == JAVA ? JAVA_PARSER.parse(text, javaFrames) : FORMATS.get(format).parse(text);
                if (result instanceof ParsedTrace trace) {
                    return classify(trace);
                }
            }
            return result;
        } catch (RuntimeException | StackOverflowError e) {
            // a parser bug must not fail ingestion; the text is kept and reported as unparsed
            return new Unparsed("parser failure: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Counts the lines each format reads as a frame. Each format's full check runs only on the lines that can be
     * one of its frames: after leading whitespace, Java and .NET frames start with {@code at }, Python ones with
     * {@code File "}, native ones with {@code #}, {@code *} or {@code frame #}, and JavaScript ones with
     * {@code at } or hold an {@code @}. The Java frames found are kept for the Java parser.
     *
     * @return indexes into {@link #FORMATS} of the formats that recognise at least one frame, most frames first
     */
    private static int[] detect(String text, JavaFrames javaFrames) {
        int[] counts = new int[FORMATS.size()];
        Lines lines = new Lines(text);
        int index = 0;
        for (String line = lines.next(); line != null; line = lines.next(), index++) {
            int b = 0;
            int n = line.length();
            while (b < n && Character.isWhitespace(line.charAt(b))) {
                b++;
            }
            if (b == n) {
                continue; // blank: no format's frame
            }
            char first = line.charAt(b);
            if (first == 'a' && line.startsWith("at ", b)) {
                StackFrame frame = JavaTraceParser.frame(line);
                if (frame != null) {
                    counts[JAVA]++;
                    javaFrames.add(index, frame);
                }
                counts[JAVASCRIPT] += FORMATS.get(JAVASCRIPT).isFrame(line) ? 1 : 0;
                counts[DOTNET] += FORMATS.get(DOTNET).isFrame(line) ? 1 : 0;
                continue;
            }
            if (first == 'F' && line.startsWith("File \"", b) && FORMATS.get(PYTHON).isFrame(line)) {
                counts[PYTHON]++;
            }
            if (line.indexOf('@', b) >= 0 && FORMATS.get(JAVASCRIPT).isFrame(line)) {
                counts[JAVASCRIPT]++;
            }
            if ((first == '#' || first == '*' || first == 'f') && FORMATS.get(NATIVE).isFrame(line)) {
                counts[NATIVE]++;
            }
        }
        int found = 0;
        int[] order = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                // insertion sort: most frames first, ties in FORMATS order
                int at = found++;
                while (at > 0 && counts[order[at - 1]] < counts[i]) {
                    order[at] = order[at - 1];
                    at--;
                }
                order[at] = i;
            }
        }
        return Arrays.copyOf(order, found);
    }

    private ParsedTrace classify(ParsedTrace trace) {
        List<ExceptionInfo> exceptions = new ArrayList<>(trace.exceptions().size());
        for (ExceptionInfo e : trace.exceptions()) {
            List<StackFrame> frames = e.frames();
            StackFrame[] classified = new StackFrame[frames.size()];
            for (int i = 0; i < classified.length; i++) {
                StackFrame f = frames.get(i);
                classified[i] = f.withInApp(inApp.isInApp(f));
            }
            exceptions.add(new ExceptionInfo(e.type(), e.message(), e.relation(), e.parent(), Arrays.asList(classified),
                    e.omittedFrames()));
        }
        return new ParsedTrace(trace.platform(), exceptions, trace.truncated());
    }
}
