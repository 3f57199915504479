package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.StackFrame;
import org.alexandria.crash.internal.trace.Unparsed;
import org.jspecify.annotations.Nullable;

/**
 * Finds and parses the first stack trace in a text: Java/JVM, Python, JavaScript, .NET or a gdb/lldb
 * backtrace. The platform is detected by counting the lines each format recognises as frames; the
 * format with most frames parses the text (the next one if it finds no trace). Frames are then
 * classified with the {@link LegacyInAppRules}. Never throws: any input without a recognisable trace, and any
 * internal failure, gives an {@link Unparsed} with the reason. Thread-safe and stateless.
 */
public final class LegacyCrashParser {

    private static final List<LegacyFormatParser> FORMATS = List.of(new LegacyJavaTraceParser(), new LegacyPythonTraceParser(),
            new LegacyJavaScriptTraceParser(), new LegacyDotNetTraceParser(), new LegacyNativeTraceParser());

    private final LegacyInAppRules inApp;

    /** @param inApp decides the {@link StackFrame#inApp()} flag of every frame */
    public LegacyCrashParser(LegacyInAppRules inApp) {
        this.inApp = inApp;
    }

    /** A parser with {@link LegacyInAppRules#defaults()}. */
    public LegacyCrashParser() {
        this(LegacyInAppRules.defaults());
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
            for (LegacyFormatParser format : detect(text)) {
                result = format.parse(text);
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

    /** @return the formats that recognise at least one frame, most frames first */
    private static List<LegacyFormatParser> detect(String text) {
        int[] counts = new int[FORMATS.size()];
        LegacyLines lines = new LegacyLines(text);
        for (String line = lines.next(); line != null; line = lines.next()) {
            for (int i = 0; i < counts.length; i++) {
                if (FORMATS.get(i).isFrame(line)) {
                    counts[i]++;
                }
            }
        }
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                found.add(i);
            }
        }
        found.sort(Comparator.comparingInt((Integer i) -> -counts[i]).thenComparingInt(i -> i));
        return found.stream().map(FORMATS::get).toList();
    }

    private ParsedTrace classify(ParsedTrace trace) {
        List<ExceptionInfo> exceptions = new ArrayList<>(trace.exceptions().size());
        for (ExceptionInfo e : trace.exceptions()) {
            List<StackFrame> frames = e.frames().stream().map(f -> f.withInApp(inApp.isInApp(f))).toList();
            exceptions.add(new ExceptionInfo(e.type(), e.message(), e.relation(), e.parent(), frames, e.omittedFrames()));
        }
        return new ParsedTrace(trace.platform(), exceptions, trace.truncated());
    }
}
