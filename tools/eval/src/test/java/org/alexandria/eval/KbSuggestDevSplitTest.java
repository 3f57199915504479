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
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the measured quality of knowledge-base suggestion on the seed-42 stratified 20% split of the
 * development data, where the machine has it (set {@code alexandria.eval.kb-intents} to its directory; skipped
 * otherwise). Runs exactly the documented {@code kb-split} and {@code kb-suggest} commands.
 */
class KbSuggestDevSplitTest {

    private static final Path DEV_SPLIT = Path.of(System.getProperty("alexandria.eval.kb-intents",
            "/work/shared/data/kb-intents-dev"));

    @Test
    void accuracyAt1StaysAboveTheTarget(@TempDir Path split) throws Exception {
        Path data = DEV_SPLIT.resolve("train.csv");
        assumeTrue(Files.isReadable(data), "no development split at " + DEV_SPLIT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        assertThat(KbSplit.run(List.of(data.toString(), "--test-share", "0.2", "--seed", "42", split.toString()), out))
                .isZero();
        int code = KbSuggestBenchmark.run(List.of(split.resolve("train.csv").toString(),
                split.resolve("test.csv").toString()), out);

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(report).isZero();
        assertThat(report).contains("articles 77", "queries 1998");
        assertThat(metric(report, "accuracy@1")).as(report).isGreaterThanOrEqualTo(0.88);
    }

    private static double metric(String out, String name) {
        return Double.parseDouble(out.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow()
                .substring(name.length() + 1));
    }
}
