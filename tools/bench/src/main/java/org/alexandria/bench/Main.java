package org.alexandria.bench;

import java.util.Arrays;


/**
 * Entry point of {@code alexandria-bench.jar}: {@code kb-latency ...} runs the knowledge-base latency harness,
 * {@code dedup-latency ...} the tickets' duplicate-detection harness,
 * anything else goes to the JMH runner (e.g. {@code -l} lists the benchmarks, {@code CrashParse -prof gc}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("kb-latency")) {
            System.exit(org.alexandria.bench.kb.KbLatency.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && args[0].equals("dedup-latency")) {
            System.exit(org.alexandria.bench.tickets.DedupLatency.run(Arrays.copyOfRange(args, 1, args.length),
                    System.out));
        }
        org.openjdk.jmh.Main.main(args);
    }
}
