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
 * Guards the measured quality on the ticket dedup development split, where the machine has it (set
 * {@code alexandria.eval.tickets-dedup} to its directory; skipped otherwise).
 */
class TicketDedupDevSplitTest {

    private static final Path DEV_SPLIT = Path.of(System.getProperty("alexandria.eval.tickets-dedup",
            "/work/shared/data/tickets-dedup-dev"));

    @Test
    void recallStaysAboveTheTargets() throws Exception {
        Path reports = DEV_SPLIT.resolve("hadoop_bugs.csv");
        Path links = DEV_SPLIT.resolve("hadoop_bugs-combined.csv");
        assumeTrue(Files.isReadable(reports) && Files.isReadable(links), "no development split at " + DEV_SPLIT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int code = TicketDedupBenchmark.run(List.of(reports.toString(), links.toString()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(out).contains("queries 66");
        assertThat(metric(out, "recall@1")).isGreaterThanOrEqualTo(0.70);
        assertThat(metric(out, "recall@5")).isGreaterThanOrEqualTo(0.90);
    }

    private static double metric(String out, String name) {
        return Double.parseDouble(out.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow()
                .substring(name.length() + 1));
    }
}
