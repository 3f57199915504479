package org.alexandria.crash.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.alexandria.crash.internal.fingerprint.Fingerprinter;
import org.alexandria.crash.internal.fingerprint.GroupingRules;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Unparsed;
import org.junit.jupiter.api.Test;

/** No input makes a parser throw, and parsing stays within {@link ParseLimits} in time and size. */
class ParserRobustnessTest {

    /** Pieces of the formats' syntax, so that random text reaches the parsers' edge cases. */
    private static final List<String> FRAGMENTS = List.of("at ", "\tat ", "Caused by: ", "Suppressed: ", "... 3 more",
            "File \"", "\", line ", ", in ", "Traceback (most recent call last):", "[Previous line repeated 9 more times]",
            "The above exception was the direct cause of the following exception:", " ---> ",
            "--- End of inner exception stack trace ---", ") in ", ":line ", "#0  0x0000555555555171 in ", "frame #1: 0x1 ",
            "`", " + 12", " at ", " from ", "received signal ", "stop reason = ", "[cause]: ", "Uncaught ", "@", ":1:2",
            "(", ")", "()", ":", ": ", ".", "..", "$", "$$Lambda$1/0x1", "<init>", "java.lang.Error", "a.B.c", "Foo.java:12",
            "Native Method", "Unknown Source", "(index 0)", "<anonymous>", "[native code]", " ~[a.jar:1]", " {", "}", "\n",
            "\r\n", "\r", "\t", " ", "    ", "", "x", "0", "9999999999", "\u00e9", "\uD83D\uDE00", "\u0000");

    private final CrashParser parser = new CrashParser();
    private final Fingerprinter fingerprinter = new Fingerprinter(GroupingRules.DEFAULT);

    @Property(tries = 3000)
    void anyStringGivesAResult(@ForAll @StringLength(max = 3000) String text) {
        check(parser.parse(text));
    }

    @Property(tries = 3000)
    void anyTraceLikeTextGivesAResult(@ForAll("traceLike") String text) {
        check(parser.parse(text));
    }

    @Property(tries = 3000)
    void mutatedRealTracesGiveAResult(@ForAll("mutatedSamples") String text) {
        check(parser.parse(text));
    }

    @Test
    void tenMegabytesOfLogWithATraceAtTheEndParseQuickly() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; log.length() < 10_000_000; i++) {
            log.append("2024-03-12 10:15:32.").append(i % 1000)
                    .append(" INFO  [worker-7] c.a.s.Poller : polled 0 messages from queue orders (at offset ")
                    .append(i).append(")\n");
        }
        log.append(Samples.text("java-spring-caused-by.txt"));

        ParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parser.parse(log.toString()));

        assertThat(result).isInstanceOfSatisfying(ParsedTrace.class,
                t -> assertThat(t.exceptions()).hasSize(3));
    }

    @Test
    void tenMegabytesWithoutALineBreakParseQuickly() {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder(10_000_000);
        while (text.length() < 10_000_000) {
            text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())).replace('\n', ' ').replace('\r', ' '));
        }

        ParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parser.parse(text.toString()));

        check(result);
    }

    @Test
    void aHundredThousandFrameJavaTraceKeepsTheTopAndTheBottom() {
        StringBuilder text = new StringBuilder("java.lang.StackOverflowError\n");
        for (int i = 0; i < 100_000; i++) {
            text.append("\tat com.acme.Tree.depth(Tree.java:").append(i).append(")\n");
        }

        ParsedTrace trace = (ParsedTrace) assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> parser.parse(text.toString()));

        ExceptionInfo e = trace.thrown();
        assertThat(e.frames()).hasSize(ParseLimits.HEAD_FRAMES + ParseLimits.TAIL_FRAMES);
        assertThat(e.frames().get(0).line()).isZero();
        assertThat(e.frames().get(ParseLimits.HEAD_FRAMES).line()).isEqualTo(100_000 - ParseLimits.TAIL_FRAMES);
        assertThat(e.frames().get(e.frames().size() - 1).line()).isEqualTo(99_999);
        assertThat(e.omittedFrames()).isEqualTo(100_000 - ParseLimits.HEAD_FRAMES - ParseLimits.TAIL_FRAMES);
        assertThat(trace.truncated()).isTrue();
    }

    @Test
    void aHundredThousandFramePythonTracebackKeepsTheTopAndTheBottom() {
        StringBuilder text = new StringBuilder("Traceback (most recent call last):\n");
        for (int i = 0; i < 100_000; i++) {
            text.append("  File \"/app/tree.py\", line ").append(i).append(", in depth\n    return depth(n)\n");
        }
        text.append("RecursionError: maximum recursion depth exceeded\n");

        ParsedTrace trace = (ParsedTrace) assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> parser.parse(text.toString()));

        List<Integer> lines = trace.thrown().frames().stream().map(f -> f.line()).toList();
        assertThat(lines).hasSize(ParseLimits.HEAD_FRAMES + ParseLimits.TAIL_FRAMES);
        assertThat(lines.get(0)).isEqualTo(99_999); // the innermost call, printed last
        assertThat(lines.get(lines.size() - 1)).isZero();
    }

    @Test
    void aChainLongerThanTheLimitIsCut() {
        StringBuilder text = new StringBuilder("java.lang.RuntimeException: 0\n\tat a.B.c(B.java:1)\n");
        for (int i = 1; i < 100; i++) {
            text.append("Caused by: java.lang.RuntimeException: ").append(i).append("\n\tat a.B.c(B.java:1)\n");
        }

        ParsedTrace trace = (ParsedTrace) parser.parse(text.toString());

        assertThat(trace.exceptions()).hasSize(ParseLimits.MAX_EXCEPTIONS);
        assertThat(trace.truncated()).isTrue();
    }

    @Provide
    Arbitrary<String> traceLike() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), Arbitraries.strings().ofMaxLength(8));
        return piece.list().ofMaxSize(200).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<String> mutatedSamples() {
        Arbitrary<String> sample = Arbitraries.of(Samples.ALL).map(Samples::text);
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 200), Arbitraries.of(FRAGMENTS))
                .as(Mutation::new);
        return Combinators.combine(sample, mutation.list().ofMinSize(1).ofMaxSize(20)).as((text, mutations) -> {
            String s = text;
            for (Mutation m : mutations) {
                s = m.apply(s);
            }
            return s;
        });
    }

    /** One edit of a text: delete a range, insert a fragment, duplicate a range, or cut the text. */
    private record Mutation(int kind, double at, int length, String fragment) {

        String apply(String s) {
            int from = (int) (at * s.length());
            int to = Math.min(s.length(), from + length);
            return switch (kind) {
                case 0 -> s.substring(0, from) + s.substring(to);
                case 1 -> s.substring(0, from) + fragment + s.substring(from);
                case 2 -> s.substring(0, to) + s.substring(from, to) + s.substring(to);
                default -> s.substring(0, from);
            };
        }
    }

    /** The result is well formed and within the limits; a parsed trace also fingerprints. */
    private void check(ParseResult result) {
        assertThat(result).isNotNull();
        if (result instanceof Unparsed u) {
            assertThat(u.reason()).isNotBlank();
            return;
        }
        ParsedTrace trace = (ParsedTrace) result;
        assertThat(trace.exceptions()).hasSizeBetween(1, ParseLimits.MAX_EXCEPTIONS);
        for (int i = 0; i < trace.exceptions().size(); i++) {
            ExceptionInfo e = trace.exceptions().get(i);
            assertThat(e.frames()).hasSizeLessThanOrEqualTo(ParseLimits.HEAD_FRAMES + ParseLimits.TAIL_FRAMES);
            assertThat(e.message()).hasSizeLessThanOrEqualTo(ParseLimits.MAX_MESSAGE_CHARS);
            assertThat(e.parent()).isBetween(i == 0 ? -1 : 0, i - 1);
            assertThat(e.frames()).allSatisfy(f -> assertThat(f.function()).isNotEmpty());
        }
        assertThat(fingerprinter.fingerprint(trace).hash()).hasSize(64);
    }
}
