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
 * Guards ticket to crash-group linking on the development tickets, where the machine has the crash traces (set
 * {@code alexandria.eval.crash-traces} to their path; skipped otherwise): auto-link precision at least 0.85 at
 * auto-link recall at least 0.60 with the default settings, and the stored tickets are what the generator writes.
 */
class TicketCrashDevSetTest {

    private static final Path TRACES = Path.of(System.getProperty("alexandria.eval.crash-traces",
            "/work/shared/data/crash-traces-dev/traces.jsonl"));
    private static final Path TICKETS = Path.of("src/test/resources/ticket-crash-link/dev-tickets.jsonl");

    @Test
    void autoLinksArePreciseEnoughAtTheGoalRecall() throws Exception {
        assumeTrue(Files.isReadable(TRACES), "no crash traces at " + TRACES);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int code = TicketCrashLinkBenchmark.run(List.of(TRACES.toString(), TICKETS.toString()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(metric(out, "auto-link precision ")).as(out).isGreaterThanOrEqualTo(0.85);
        assertThat(metric(out, "auto-link recall ")).as(out).isGreaterThanOrEqualTo(0.60);
    }

    @Test
    void theStoredTicketsAreTheGeneratorsOutput(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(TRACES), "no crash traces at " + TRACES);
        Path fresh = dir.resolve("tickets.jsonl");

        int code = TicketCrashGenerator.run(List.of(TRACES.toString(), fresh.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        assertThat(Files.readAllLines(fresh)).isEqualTo(Files.readAllLines(TICKETS));
    }

    @Test
    void badArgumentsAreRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        assertThat(TicketCrashLinkBenchmark.run(List.of("only-one.jsonl"), out)).isEqualTo(2);
        assertThat(TicketCrashLinkBenchmark.run(List.of("a", "b", "--bogus"), out)).isEqualTo(2);
        assertThat(TicketCrashLinkBenchmark.run(List.of("/nonexistent/a", "/nonexistent/b"), out)).isEqualTo(2);
        assertThat(TicketCrashGenerator.run(List.of("a", "b", "--seed", "x"), out)).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("usage: ticket-crash-link", "cannot read");
    }

    private static double metric(String out, String prefix) {
        return Double.parseDouble(out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length()).strip());
    }
}
