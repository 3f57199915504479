package org.alexandria.eval;

import java.io.PrintStream;
import java.util.List;

/** One benchmark of the evaluator: reads the files named in its arguments, ranks, prints metrics. */
@FunctionalInterface
public interface Benchmark {

    /**
     * @param args arguments after the benchmark name (files, {@code --rankings OUT.jsonl}, options)
     * @param out  where the metrics go
     * @return process exit code: 0 on success, 2 on bad arguments or unreadable input
     * @throws Exception on an unexpected failure
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
