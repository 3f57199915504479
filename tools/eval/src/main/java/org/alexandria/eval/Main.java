package org.alexandria.eval;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code java -jar alexandria-eval.jar <benchmark> ...}: runs one benchmark over the plugins' real
 * ranking code and prints its metrics.
 */
public final class Main {

    private Main() {
    }

    /** @return the benchmarks by name */
    static Map<String, Benchmark> benchmarks() {
        Map<String, Benchmark> all = new TreeMap<>();
        all.put("crash-dedup", CrashDedupBenchmark::run);
        all.put("ticket-dedup", TicketDedupBenchmark::run);
        all.put("kb-split", KbSplit::run);
        all.put("kb-suggest", KbSuggestBenchmark::run);
        all.put("ticket-crash-link", TicketCrashLinkBenchmark::run);
        all.put("ticket-crash-gen", TicketCrashGenerator::run);
        return all;
    }

    /**
     * @param args benchmark name and its arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Benchmark> all = benchmarks();
        if (args.length == 0 || !all.containsKey(args[0])) {
            err.println("usage: java -jar alexandria-eval.jar <benchmark> [arguments]");
            err.println("benchmarks: " + String.join(", ", all.keySet()));
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return all.get(args[0]).run(rest, out);
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e);
            return 1;
        }
    }
}
