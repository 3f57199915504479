package org.alexandria.tickets.internal.dedup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Java stack traces in free text and reduces them to {@link TraceSignals}. Traces pasted into tickets are
 * often damaged (wrapped, markup around lines, lines joined), so frames are matched anywhere in the text, not
 * line by line.
 *
 * <p>Ticket text is untrusted: the patterns use bounded character classes only, never a repeated group, so that a
 * pasted megabyte of dotted names can neither overflow the regex engine's stack nor take quadratic time.
 */
public final class StackTraceExtractor {

    /**
     * {@code at pkg.Class.method(File.java:12)}; the symbol may carry a module or class-loader prefix
     * ({@code java.base/}) and a hidden lambda class ({@code Foo$$Lambda$12/0x0000000800c0b040}).
     */
    private static final Pattern FRAME = Pattern.compile(
            "\\bat\\s{1,20}([\\w$.<>/@-]{3,500})\\s{0,5}\\(([^()\\n]{0,300})\\)");
    /** What a frame's parentheses hold. */
    private static final Pattern LOCATION = Pattern.compile(
            "[^()]*\\.(?:java|kt|scala|groovy)(?::\\d+)?|Native Method|Unknown Source");
    /** A dotted name, the candidates for exception types; matched only where a run of name characters starts. */
    private static final Pattern DOTTED_NAME = Pattern.compile(
            "(?<![\\w$.])[\\w$]{1,200}(?:\\.[\\w$]{1,200}){1,50}");
    /** The simple name of an exception type. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile(
            "[A-Z]\\w{0,200}(?:Exception|Error|Throwable|Failure)");
    /** Text between two frames that ends a trace: "Caused by: ...", "... 12 more", a log line. */
    private static final Pattern WORDS = Pattern.compile("[A-Za-z]{2}");

    /** Hidden classes of lambdas: {@code Foo$$Lambda$12/0x0000000800c0b040} (the address part). */
    private static final Pattern HIDDEN_CLASS_ADDRESS = Pattern.compile("/0x\\p{XDigit}+");
    /** Generated parts of class names: {@code $$Lambda$12}, {@code $$EnhancerByCGLIB$$ab12}, ... */
    private static final Pattern GENERATED_CLASS_SUFFIX = Pattern.compile("\\$\\$.*$");
    /** Anonymous and numbered inner classes: {@code Outer$1}, {@code DistributedFileSystem$59}. */
    private static final Pattern NUMBERED_CLASS = Pattern.compile("\\$\\d+(?=\\$|$)");
    /** Numbered generated classes: {@code GeneratedMethodAccessor12}, {@code $Proxy34}. */
    private static final Pattern NUMBERED_GENERATED = Pattern.compile("(GeneratedMethodAccessor"
            + "|GeneratedConstructorAccessor|GeneratedSerializationConstructorAccessor|\\$Proxy)\\d+");
    /** {@code lambda$enclosingMethod$3}: the enclosing method is the stable part. */
    private static final Pattern LAMBDA_METHOD = Pattern.compile("^lambda\\$(.+?)\\$\\d+$");
    /** {@code access$000}, {@code method$1}: compiler-numbered methods. */
    private static final Pattern NUMBERED_METHOD = Pattern.compile("\\$\\d+$");

    private final int framesPerTrace;

    /** @param framesPerTrace how many top frames of each trace (and each "Caused by") to keep, at least 1 */
    public StackTraceExtractor(int framesPerTrace) {
        if (framesPerTrace < 1) {
            throw new IllegalArgumentException("framesPerTrace must be at least 1: " + framesPerTrace);
        }
        this.framesPerTrace = framesPerTrace;
    }

    /**
     * @param text free text, e.g. a ticket description
     * @return the exception types and the normalized top frames, each once, in order of appearance
     */
    public TraceSignals extract(String text) {
        return new TraceSignals(exceptionTypes(text), topFrames(text));
    }

    /** Simple names of package-qualified exception types ({@code java.io.IOException}, {@code a.Outer$BadError}). */
    private static List<String> exceptionTypes(String text) {
        Set<String> types = new LinkedHashSet<>();
        Matcher m = DOTTED_NAME.matcher(text);
        while (m.find()) {
            String name = m.group();
            String simple = name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
            if (Character.isLowerCase(name.charAt(0)) && EXCEPTION_NAME.matcher(simple).matches()) {
                types.add(simple);
            }
        }
        return new ArrayList<>(types);
    }

    private List<String> topFrames(String text) {
        Set<String> frames = new LinkedHashSet<>();
        Matcher m = FRAME.matcher(text);
        int previousEnd = -1;
        int depth = 0;
        while (m.find()) {
            String symbol = symbol(m.group(1));
            if (symbol == null || !LOCATION.matcher(m.group(2)).matches()) {
                continue;
            }
            boolean newTrace = previousEnd < 0 || WORDS.matcher(text).region(previousEnd, m.start()).find();
            depth = newTrace ? 0 : depth + 1;
            if (depth < framesPerTrace) {
                frames.add(normalizeFrame(symbol));
            }
            previousEnd = m.end();
        }
        return new ArrayList<>(frames);
    }

    /** @return {@code package.Class.method} without module prefix and lambda address, or null if it is not one */
    private static String symbol(String raw) {
        String symbol = HIDDEN_CLASS_ADDRESS.matcher(raw).replaceAll("");
        symbol = symbol.substring(symbol.lastIndexOf('/') + 1);
        int dot = symbol.lastIndexOf('.');
        boolean valid = dot > 0 && dot < symbol.length() - 1 && !symbol.contains("..") && !symbol.startsWith(".")
                && !Character.isDigit(symbol.charAt(0));
        return valid ? symbol : null;
    }

    /**
     * @param symbol {@code package.Class.method} as printed in a frame
     * @return the symbol without generated or numbered parts
     */
    static String normalizeFrame(String symbol) {
        int dot = symbol.lastIndexOf('.');
        String type = symbol.substring(0, dot);
        String method = symbol.substring(dot + 1);
        type = GENERATED_CLASS_SUFFIX.matcher(type).replaceFirst("");
        type = NUMBERED_CLASS.matcher(type).replaceAll("");
        type = NUMBERED_GENERATED.matcher(type).replaceAll("$1");
        Matcher lambda = LAMBDA_METHOD.matcher(method);
        method = lambda.matches() ? lambda.group(1) : NUMBERED_METHOD.matcher(method).replaceFirst("");
        return type + "." + method;
    }
}
