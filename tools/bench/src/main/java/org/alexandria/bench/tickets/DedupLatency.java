package org.alexandria.bench.tickets;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.alexandria.tickets.internal.dedup.CandidateFilter;
import org.alexandria.tickets.internal.dedup.DedupSettings;
import org.alexandria.tickets.internal.dedup.DuplicateIndex;
import org.alexandria.tickets.internal.dedup.TicketText;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.HdrHistogram.Histogram;

/**
 * {@code dedup-latency [--tickets N] [--ops N] [--threads T] [--k K] [--refresh-ms MS]}: cost of the tickets plugin's duplicate
 * detection as ticket creation uses it ({@link DuplicateIndex}: index the new ticket, then rank the possible
 * duplicates among all others), on the texts of the HTTP load test ({@code tools/bench/wrk/ticket-create.lua}: 12
 * subjects × 3 descriptions, each with a unique number). That corpus is the hard case for a ranked search: every
 * ticket has thousands of near-identical twins, so no posting list is short.
 *
 * <p>The index is in memory, as the plugin keeps it, and refreshed every {@code --refresh-ms} (the plugin's
 * {@code duplicateRefreshMillis}; 0 for a refresh before every search that follows a write). Fills the index with {@code --tickets} tickets, then {@code --threads} threads create {@code --ops}
 * more between them, each one {@code add} + {@code candidates(k)}, as concurrent HTTP requests would. Prints
 * the throughput and the p50/p90/p99/max of one creation in milliseconds (after a warm-up of the same size).
 */
public final class DedupLatency {

    static final String USAGE = "usage: dedup-latency [--tickets 10000] [--ops 20000] [--threads 2] [--k 5] [--refresh-ms 100]";

    private static final String[] SUBJECTS = {
        "Cannot log in after password reset", "Invoice shows the wrong amount", "Card declined abroad",
        "Transfer still pending after three days", "Sync client stuck at 99%", "API returns 429 on every request",
        "Mobile app crashes on start", "Export to CSV times out", "Two-factor code never arrives",
        "Refund not received", "Parcel marked delivered but not here", "Installer fails on Windows 11",
    };
    private static final String[] BODIES = {
        "Hi, since this morning I get an error when I try this. I already cleared the cache and restarted. Please help.",
        "Hello team, this started after the last update. Steps: open the page, click the button, nothing happens. "
                + "Browser: Firefox 128. Thanks.",
        "Dear support, it worked yesterday. The message says 'something went wrong (E4021)'. This is urgent for us.",
    };

    private DedupLatency() {
    }

    static TicketText ticket(long n) {
        return TicketText.of(SUBJECTS[(int) (n % SUBJECTS.length)] + " (load test " + n + ")",
                BODIES[(int) (n % BODIES.length)], Instant.now());
    }

    /**
     * @param args the options
     * @param out  where the report goes
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out) throws Exception {
        int tickets = 10_000;
        int ops = 20_000;
        int threads = 2;
        int k = 5;
        long refreshMillis = 100;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                out.println(USAGE);
                return 2;
            }
            switch (args[i++]) {
                case "--tickets" -> tickets = Integer.parseInt(value);
                case "--ops" -> ops = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--k" -> k = Integer.parseInt(value);
                case "--refresh-ms" -> refreshMillis = Long.parseLong(value);
                default -> {
                    out.println(USAGE);
                    return 2;
                }
            }
        }
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                DuplicateIndex index = new DuplicateIndex(directory, DedupSettings.defaults(),
                        Duration.ofMillis(refreshMillis))) {
            long start = System.nanoTime();
            for (long n = 0; n < tickets; n++) {
                index.add("t" + n, ticket(n));
            }
            index.commit();
            out.printf(Locale.ROOT, "indexed %d tickets in %.1f s%n", tickets, (System.nanoTime() - start) / 1e9);
            AtomicLong next = new AtomicLong(tickets);
            measure(index, next, ops, threads, k, null);
            Histogram histogram = new Histogram(60_000_000_000L, 3);
            double seconds = measure(index, next, ops, threads, k, histogram);
            out.printf(Locale.ROOT, "%d creations (add + candidates k=%d, refresh every %d ms) on %d threads over "
                    + "%d..%d tickets: %.0f/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", ops, k,
                    refreshMillis, threads, tickets + ops,
                    tickets + 2L * ops, ops / seconds, ms(histogram.getValueAtPercentile(50)),
                    ms(histogram.getValueAtPercentile(90)), ms(histogram.getValueAtPercentile(99)),
                    ms(histogram.getMaxValue()));
        }
        return 0;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double measure(DuplicateIndex index, AtomicLong next, int ops, int threads, int k,
            Histogram histogram) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong left = new AtomicLong(ops);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        long n = next.getAndIncrement();
                        TicketText text = ticket(n);
                        long began = System.nanoTime();
                        try {
                            index.add("t" + n, text);
                            if (index.candidates(text, k, CandidateFilter.excluding("t" + n)).isEmpty()) {
                                throw new IllegalStateException("no duplicates found for " + text.subject());
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        if (histogram != null) {
                            synchronized (histogram) {
                                histogram.recordValue(System.nanoTime() - began);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
