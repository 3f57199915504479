package org.alexandria.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards the measured quality on the crash dedup development split, where the machine has it
 * (set {@code alexandria.eval.crash-traces} to its path; skipped otherwise).
 */
class CrashDedupDevSplitTest {

    private static final Path DEV_SPLIT = Path.of(System.getProperty("alexandria.eval.crash-traces",
            "/work/shared/data/crash-traces-dev/traces.jsonl"));

    @Test
    void rrAt1StaysAboveTheTarget() throws Exception {
        assumeTrue(Files.isReadable(DEV_SPLIT), "no development split at " + DEV_SPLIT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int code = CrashDedupBenchmark.run(List.of(DEV_SPLIT.toString()), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        double rr1 = Double.parseDouble(out.lines().filter(l -> l.startsWith("RR@1 ")).findFirst().orElseThrow().substring(5));
        assertThat(rr1).isGreaterThanOrEqualTo(0.65);
    }
}
