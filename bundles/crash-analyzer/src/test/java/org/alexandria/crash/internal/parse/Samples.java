package org.alexandria.crash.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.StackFrame;

/** The real-world sample traces under src/test/resources, and helpers to look into parse results. */
public final class Samples {

    /** Every sample file, one or more per platform. */
    public static final List<String> ALL = List.of("java-spring-caused-by.txt", "java-suppressed.txt",
            "python-direct-cause.txt", "python-during-handling.txt", "python-recursion.txt", "js-node-cause.txt",
            "js-chrome.txt", "js-firefox.txt", "js-safari.txt", "dotnet-framework.txt", "dotnet-core.txt",
            "gdb-segfault.txt", "gdb-abort.txt", "lldb-bad-access.txt");

    private Samples() {
    }

    public static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the sample parsed with the default rules; fails the test when it did not parse */
    public static ParsedTrace parsed(String name) {
        ParseResult result = new CrashParser().parse(text(name));
        if (!(result instanceof ParsedTrace trace)) {
            throw new AssertionError(name + " did not parse: " + result);
        }
        return trace;
    }

    /** @return {@code module|function|file|line|inApp} of each frame, for compact assertions */
    public static List<String> describe(List<StackFrame> frames) {
        return frames.stream().map(f -> f.module() + "|" + f.function() + "|" + f.file() + "|" + f.line() + "|"
                + (f.inApp() ? "app" : "lib")).toList();
    }
}
