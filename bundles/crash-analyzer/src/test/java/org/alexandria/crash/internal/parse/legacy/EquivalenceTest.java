package org.alexandria.crash.internal.parse.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.alexandria.crash.internal.fingerprint.Fingerprint;
import org.alexandria.crash.internal.fingerprint.Fingerprinter;
import org.alexandria.crash.internal.fingerprint.GroupingRules;
import org.alexandria.crash.internal.fingerprint.TypeOverride;
import org.alexandria.crash.internal.normalize.FrameNormalizer;
import org.alexandria.crash.internal.normalize.Recursion;
import org.alexandria.crash.internal.parse.CrashParser;
import org.alexandria.crash.internal.parse.Samples;
import org.alexandria.crash.internal.trace.InAppRules;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Platform;
import org.alexandria.crash.internal.trace.StackFrame;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The throughput work on parsing, normalization and fingerprinting must not change any result: the optimised code
 * is compared with the frozen copy of the code before it (this package), on the development traces, the samples and
 * random trace-like text, frames and in-app patterns; and the development traces are compared with a checked-in
 * golden file of hashes made by the code before the change ({@code dev-traces-golden.txt}).
 */
class EquivalenceTest {

    /** The development split, relative to the module directory; only its {@code trace_text} field is read. */
    private static final Path DEV_TRACES = Path.of(System.getProperty("crash.devTraces",
            "../../../shared/data/crash-traces-dev/traces.jsonl"));

    private static final List<String> FRAMEWORK = InAppRules.FRAMEWORK;

    /** Rule sets covering the default, includes, path and name patterns, an empty pattern, frame counts, overrides. */
    private static final List<GroupingRules> RULES = List.of(
            GroupingRules.DEFAULT,
            new GroupingRules("inc", 1, new InAppRules(List.of("org.apache.commons.", "org.jfree.", "com.google."),
                    concat(FRAMEWORK, List.of("org.apache.commons.lang3.time.", "org.jfree.data."))), 3, Map.of()),
            new GroupingRules("odd", 2, new InAppRules(List.of(), List.of("org.", "Test", "/", "Foo.java", "<", "junit",
                    "java.lang.reflect.Method.invoke", "sun.reflect.", "com.google.gson.internal.", ":", "[")), 1, Map.of()),
            new GroupingRules("paths", 1, new InAppRules(List.of("/src/", "Chart", "run"), List.of("\\Lib\\", "Test.java")),
                    10, Map.of("java.lang.IllegalArgumentException", new TypeOverride(2, true),
                            "java.lang.NullPointerException", new TypeOverride(0, false))),
            new GroupingRules("none", 1, new InAppRules(List.of(), List.of("")), 5, Map.of()),
            new GroupingRules("all", 1, new InAppRules(List.of(), List.of()), 7, Map.of()));

    private static final List<InAppRules> PARSER_RULES = List.of(InAppRules.defaults(), RULES.get(1).inApp(),
            RULES.get(2).inApp(), new InAppRules(List.of(), List.of()));

    // ---- development traces ----

    @Test
    void devTracesParseAndFingerprintExactlyAsBefore() throws IOException {
        List<String> texts = devTraces();
        for (String text : texts) {
            assertSameEverywhere(text);
        }
    }

    @Test
    void devTracesMatchTheGoldenFileMadeBeforeTheChange() throws IOException {
        List<String> texts = devTraces();
        List<String> golden = golden(texts, new CrashParser()::parse,
                new Fingerprinter(GroupingRules.DEFAULT)::fingerprint);
        List<String> expected;
        try (InputStream in = EquivalenceTest.class.getResourceAsStream("dev-traces-golden.txt")) {
            assertThat(in).as("golden file").isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(golden).containsExactlyElementsOf(expected);
    }

    /**
     * One line per trace: index, fingerprint hash under the default rules, and the first 16 hex digits of the
     * SHA-256 of the parse result and of the whole fingerprint (components and signature).
     */
    static List<String> golden(List<String> texts, CrashParserLike parser, FingerprinterLike fingerprinter) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ParseResult r = parser.parse(texts.get(i));
            String fp = r instanceof ParsedTrace t ? fingerprinter.fingerprint(t).toString() : "-";
            String hash = r instanceof ParsedTrace t ? fingerprinter.fingerprint(t).hash() : "-";
            lines.add(i + " " + hash + " " + sha16(r.toString()) + " " + sha16(fp));
        }
        return lines;
    }

    interface CrashParserLike {
        ParseResult parse(String text);
    }

    interface FingerprinterLike {
        Fingerprint fingerprint(ParsedTrace trace);
    }

    /** Writes the golden file from the frozen copy: {@code java ... EquivalenceTest FILE}. */
    public static void main(String[] args) throws IOException {
        List<String> lines = golden(devTraces(), new LegacyCrashParser()::parse,
                new LegacyFingerprinter(GroupingRules.DEFAULT)::fingerprint);
        Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
    }

    // ---- samples and random text ----

    @Test
    void samplesParseAndFingerprintExactlyAsBefore() {
        for (String name : Samples.ALL) {
            String text = Samples.text(name);
            assertSameEverywhere(text);
            for (String line : text.lines().toList()) {
                assertSameEverywhere(line);
            }
        }
    }

    @Property(tries = 1500)
    void traceLikeTextGivesTheSameResults(@ForAll("traceLike") String text) {
        assertSameEverywhere(text);
    }

    @Property(tries = 1500)
    void mutatedSamplesGiveTheSameResults(@ForAll("mutatedSamples") String text) {
        assertSameEverywhere(text);
    }

    @Property(tries = 5000)
    void framesNormalizeAsBefore(@ForAll("names") String module, @ForAll("names") String function,
            @ForAll("names") String file, @ForAll boolean noModule, @ForAll boolean noFile) {
        StackFrame frame = StackFrame.of(noModule ? null : module, function, noFile ? null : file, 1);
        FrameNormalizer now = new FrameNormalizer();
        LegacyFrameNormalizer before = new LegacyFrameNormalizer();
        for (Platform p : Platform.values()) {
            assertThat(now.normalize(p, frame)).as("%s %s", p, frame).isEqualTo(before.normalize(p, frame));
        }
    }

    @Property(tries = 5000)
    void framesAreInAppAsBefore(@ForAll("patternLists") List<String> include, @ForAll("patternLists") List<String> exclude,
            @ForAll("names") String module, @ForAll("names") String function, @ForAll("names") String file,
            @ForAll boolean noModule, @ForAll boolean noFile) {
        StackFrame frame = StackFrame.of(noModule ? null : module, function, noFile ? null : file, 1);
        for (InAppRules rules : List.of(new InAppRules(include, exclude), new InAppRules(List.of(), exclude),
                new InAppRules(include, concat(FRAMEWORK, exclude)), InAppRules.defaults())) {
            LegacyInAppRules before = new LegacyInAppRules(rules.include(), rules.exclude());
            assertThat(rules.isInApp(frame)).as("%s %s", rules, frame).isEqualTo(before.isInApp(frame));
        }
    }

    @Property(tries = 3000)
    void recursionCollapsesAsBefore(@ForAll("symbols") List<String> items) {
        assertThat(Recursion.collapse(items)).isEqualTo(LegacyRecursion.collapse(items));
    }

    private static void assertSameEverywhere(String text) {
        for (InAppRules parserRules : PARSER_RULES) {
            ParseResult now = new CrashParser(parserRules).parse(text);
            ParseResult before = new LegacyCrashParser(new LegacyInAppRules(parserRules.include(), parserRules.exclude()))
                    .parse(text);
            assertThat(now).as("parse with %s of:%n%s", parserRules, text).isEqualTo(before);
            if (now instanceof ParsedTrace trace) {
                for (GroupingRules rules : RULES) {
                    assertThat(new Fingerprinter(rules).fingerprint(trace)).as("fingerprint %s of:%n%s", rules.id(), text)
                            .isEqualTo(new LegacyFingerprinter(rules).fingerprint(trace));
                }
            }
        }
    }

    /** Pieces of the formats' syntax and of the names the normalizer rewrites. */
    private static final List<String> FRAGMENTS = List.of("at ", "\tat ", "Caused by: ", "Suppressed: ", "... 3 more",
            "... 7 common frames omitted", "File \"", "\", line ", ", in ", "Traceback (most recent call last):",
            "[Previous line repeated 9 more times]", "The above exception was the direct cause of the following exception:",
            " ---> ", "--- End of inner exception stack trace ---", ") in ", ":line ", "#0  0x0000555555555171 in ",
            "frame #1: 0x1 ", "`", " + 12", " at ", " from ", "received signal ", "stop reason = ", "[cause]: ",
            "Uncaught ", "@", ":1:2", "(", ")", "()", ":", ": ", ".", "..", "$", "$$", "$$Lambda$1/0x1", "$$Lambda$",
            "/0x00000008000c1840", "<init>", "java.lang.Error", "a.B.c", "Foo.java:12", "Native Method",
            "Unknown Source", "(index 0)", "<anonymous>", "[native code]", " ~[a.jar:1]", " [a.jar:1]", " {", "}", "\n",
            "\r\n", "\r", "\t", " ", "    ", "", "x", "0", "9999999999", "\u00e9", "\uD83D\uDE00", "\u0000", "\u0085",
            "\u2028", "\u2029", "\u000B", "\u001C", "\u00A0", "\u3000", "java.", "java.base/", "app//", "org.junit.",
            "junit.", "sun.reflect.", "org.jfree.chart.", "com.acme.", "$1", "$2$3", "$anon", "$$EnhancerByCGLIB$$1a2b3c",
            "$ByteBuddy$abc1", "$MockitoMock$123", "$HibernateProxy$x9", "_$$_javassist_12", "$Proxy12",
            "GeneratedMethodAccessor12", "GeneratedSerializationConstructorAccessor3", "lambda$run$0", "lambda$",
            "access$000", "access$", "$deadbeef12", "_0123abcd", ".cafebabe9", "-12345678", "abcdef12", "A1B2C3D4E5",
            "/site-packages/", "\\site-packages\\", "node_modules/", "node:", "libc.so.6", "/usr/lib/", "main.3f2a9c1b.js",
            "https://x.example.com/", "?v=1", "#frag", ".isra.0", ".cold", "<Run>d__4", "MoveNext", "<>c__DisplayClass3_0",
            "<Main>b__0_0", "[T]", "+", "System.", "(anonymous namespace)", "??", "Test", "Exception in thread \"main\" ",
            "java.lang.IllegalStateException: boom", "java.lang.OutOfMemoryError: Java heap space", "\tat org.a.B.c(B.java:1)\n",
            "\tat java.base/java.lang.Thread.run(Thread.java:833)\n", "\tat org.a.B$$Lambda$14/0x0000000800c0b000.run(Unknown Source)\n",
            "\tat org.a.B.lambda$main$0(B.java:7)\n", "\tat org.a.Generated.x(<generated>)\n",
            "\tat org.junit.Assert.fail(Assert.java:88)\n", "\tat a.B.c(B.java)\n");

    @Provide
    Arbitrary<String> traceLike() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), Arbitraries.strings().ofMaxLength(8));
        return piece.list().ofMaxSize(200).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(FRAGMENTS)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().withChars("abcdefABCDEF0123456789$_.-/\\:<>[]").ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(6)));
        return piece.list().ofMaxSize(8).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<List<String>> patternLists() {
        Arbitrary<String> pattern = Arbitraries.oneOf(Arbitraries.of(FRAMEWORK), Arbitraries.of(FRAGMENTS), names());
        return pattern.list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> symbols() {
        return Arbitraries.of("a", "b", "c", "d", "e").list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<String> mutatedSamples() {
        List<String> sources = new ArrayList<>(Samples.ALL.stream().map(Samples::text).toList());
        try {
            sources.addAll(devTraces().subList(0, 40));
        } catch (IOException | RuntimeException e) {
            // the development split is optional
        }
        Arbitrary<String> sample = Arbitraries.of(sources);
        Arbitrary<int[]> mutation = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 200),
                Arbitraries.integers().between(0, FRAGMENTS.size() - 1)).as((kind, at, length, fragment) ->
                        new int[] {kind, at, length, fragment});
        return Combinators.combine(sample, mutation.list().ofMinSize(1).ofMaxSize(20)).as((text, mutations) -> {
            String s = text;
            for (int[] m : mutations) {
                int at = s.isEmpty() ? 0 : m[1] % (s.length() + 1);
                int end = Math.min(s.length(), at + m[2]);
                String f = FRAGMENTS.get(m[3]);
                s = switch (m[0]) {
                    case 0 -> s.substring(0, at) + f + s.substring(at); // insert
                    case 1 -> s.substring(0, at) + s.substring(end); // delete
                    case 2 -> s.substring(0, at) + f + s.substring(end); // replace
                    default -> s.substring(0, at) + s.substring(at, end) + s.substring(at, end) + s.substring(end); // repeat
                };
            }
            return s;
        });
    }

    // ---- helpers ----

    /** @return the trace texts of the development split; skips the test when it is absent */
    static List<String> devTraces() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DEV_TRACES), "no development split at " + DEV_TRACES.toAbsolutePath());
        List<String> texts = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(DEV_TRACES, StandardCharsets.UTF_8);
                JsonParser p = new JsonFactory().createParser(in)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                String text = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if ("trace_text".equals(name) && p.currentToken() == JsonToken.VALUE_STRING) {
                        text = p.getText();
                    } else {
                        p.skipChildren(); // labels are never read
                    }
                }
                texts.add(text == null ? "" : text);
            }
        }
        return texts;
    }

    private static String sha16(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
