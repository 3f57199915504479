package org.alexandria.tickets.internal.crash;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Decides whether an attachment is a crash log: a {@code .log} or {@code .txt} file, or text with a stack trace. */
final class CrashLogs {

    /** Java, .NET, Python, JavaScript and native (gdb/lldb, Apple) traces, by their frame or header lines. */
    private static final Pattern TRACE = Pattern.compile(
            "(?m)^\\s*at [\\w$.<>/-]+\\([^)\\n]*\\)\\s*$"              // Java, .NET without file
                    + "|^\\s+at \\S.* in .+:line \\d+"  // .NET with file
                    + "|^Traceback \\(most recent call last\\):"       // Python
                    + "|^\\s+at .+ \\(.+:\\d+:\\d+\\)\\s*$"            // JavaScript
                    + "|^\\s+at .+:\\d+:\\d+\\s*$"                     // JavaScript, anonymous
                    + "|^#\\d+\\s+0x\\p{XDigit}+ in "                  // gdb
                    + "|^\\d+\\s+[\\w.]+\\s+0x\\p{XDigit}+ ");        // Apple crash reports

    private CrashLogs() {
    }

    /**
     * @param fileName the attachment's name
     * @param content  its bytes
     * @return its text when it is a crash log worth handing to the crash analyzer
     */
    static Optional<String> text(String fileName, byte[] content) {
        Optional<String> text = utf8(content);
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        boolean logFile = name.endsWith(".log") || name.endsWith(".txt");
        return logFile || containsTrace(text.get()) ? text : Optional.empty();
    }

    /**
     * @param text any text
     * @return whether it contains a stack trace
     */
    static boolean containsTrace(String text) {
        return TRACE.matcher(text).find();
    }

    private static Optional<String> utf8(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return Optional.empty(); // binary
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
