package org.alexandria.bench.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alexandria.crash.internal.fingerprint.Fingerprint;
import org.alexandria.crash.internal.fingerprint.Fingerprinter;
import org.alexandria.crash.internal.fingerprint.GroupingRules;
import org.alexandria.crash.internal.parse.CrashParser;
import org.alexandria.crash.internal.trace.InAppRules;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Platform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Crash ingestion throughput of the crash analyzer's real engine, one trace per operation, on one thread:
 * {@link CrashParser} (platform detection, Java parsing, in-app classification) then {@link Fingerprinter}
 * (frame normalization, recursion collapsing, SHA-256 grouping key under {@link GroupingRules#DEFAULT}).
 * Operations cycle over the Java traces of the file in file order, so every trace weighs the same. Results are
 * in traces per second.
 * <ul>
 *   <li>{@code baselineDecodeUtf8}: decodes the trace's UTF-8 bytes into a String, i.e. reads every byte once;</li>
 *   <li>{@code baselineScanLines}: walks every char of the trace and splits it into lines (what any
 *       line-oriented parser must at least do);</li>
 *   <li>{@code parse}: {@code CrashParser.parse} alone;</li>
 *   <li>{@code fingerprintParsed}: normalize + fingerprint of an already parsed trace;</li>
 *   <li>{@code parseNormalizeFingerprint}: the whole ingestion path, the number the target applies to.</li>
 * </ul>
 * The trace file is given with {@code -p traces=FILE} (default relative to the repository root); only its
 * {@code trace_text} field is read ({@link TraceTexts}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Thread)
public class CrashParseBenchmark {

    @Param("../shared/data/crash-traces-dev/traces.jsonl")
    public String traces;

    private String[] texts;
    private byte[][] utf8;
    private ParsedTrace[] parsed;
    private CrashParser parser;
    private Fingerprinter fingerprinter;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        parser = new CrashParser(InAppRules.defaults());
        fingerprinter = new Fingerprinter(GroupingRules.DEFAULT);
        List<String> java = new ArrayList<>();
        List<ParsedTrace> javaParsed = new ArrayList<>();
        List<String> all = TraceTexts.read(Path.of(traces));
        for (String text : all) {
            ParseResult r = parser.parse(text);
            if (r instanceof ParsedTrace t && t.platform() == Platform.JAVA) {
                java.add(text);
                javaParsed.add(t);
            }
        }
        if (java.isEmpty()) {
            throw new IllegalStateException("no Java trace in " + traces);
        }
        texts = java.toArray(String[]::new);
        parsed = javaParsed.toArray(ParsedTrace[]::new);
        utf8 = java.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        long chars = java.stream().mapToLong(String::length).sum();
        System.out.printf("%n[crash] %d of %d traces parse as Java, %.0f chars on average%n", texts.length, all.size(),
                (double) chars / texts.length);
    }

    private int advance() {
        int i = next;
        next = i + 1 == texts.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public String baselineDecodeUtf8() {
        return new String(utf8[advance()], StandardCharsets.UTF_8);
    }

    @Benchmark
    public int baselineScanLines() {
        String text = texts[advance()];
        int lines = 0;
        int longest = 0;
        int start = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
                longest = Math.max(longest, i - start);
                start = i + 1;
            }
        }
        return lines * 31 + longest;
    }

    @Benchmark
    public ParseResult parse() {
        return parser.parse(texts[advance()]);
    }

    @Benchmark
    public Fingerprint fingerprintParsed() {
        return fingerprinter.fingerprint(parsed[advance()]);
    }

    @Benchmark
    public Fingerprint parseNormalizeFingerprint() {
        return parser.parse(texts[advance()]) instanceof ParsedTrace t ? fingerprinter.fingerprint(t) : null;
    }
}
