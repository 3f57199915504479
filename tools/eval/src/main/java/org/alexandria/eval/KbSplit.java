package org.alexandria.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code kb-split DATA.csv [--test-share 0.2] [--seed 42] OUTDIR}: splits a labelled CSV (a header with a
 * {@code category} column) into OUTDIR/train.csv and OUTDIR/test.csv with the same header, rows in their
 * original order. The split is stratified: within each category (in name order) the rows are shuffled with one
 * {@code java.util.Random(seed)} and the first round(share × size) go to test, so every category keeps its share
 * and the same arguments always give the same files.
 */
public final class KbSplit {

    static final String USAGE = "usage: kb-split DATA.csv [--test-share 0.2] [--seed 42] OUTDIR";
    static final String CATEGORY = "category";

    private KbSplit() {
    }

    /** @param args see {@link #run(List, PrintStream)} */
    public static void main(String[] args) throws IOException {
        System.exit(run(List.of(args), System.out));
    }

    /**
     * @param args DATA.csv, options, OUTDIR
     * @param out  where the summary (or the usage) goes
     * @return 0, or 2 on bad arguments or unreadable input
     * @throws IOException if the output cannot be written
     */
    public static int run(List<String> args, PrintStream out) throws IOException {
        List<String> files = new ArrayList<>();
        double share = 0.2;
        long seed = 42;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--test-share" -> share = Double.parseDouble(args.get(++i));
                    case "--seed" -> seed = Long.parseLong(args.get(++i));
                    default -> {
                        if (args.get(i).startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args.get(i));
                        }
                        files.add(args.get(i));
                    }
                }
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return usage(out, e.getMessage());
        }
        if (files.size() != 2 || !(share > 0 && share < 1)) {
            return usage(out, "need DATA.csv and OUTDIR, and 0 < test share < 1");
        }
        Path data = Path.of(files.get(0));
        Path outDir = Path.of(files.get(1));
        Table table;
        try {
            table = Table.read(data);
        } catch (IOException | IllegalArgumentException e) {
            return usage(out, "cannot read " + data + ": " + e.getMessage());
        }
        boolean[] test = testRows(table.records(), share, seed);
        Files.createDirectories(outDir);
        int tests = 0;
        try (CSVPrinter train = printer(outDir.resolve("train.csv"), table.header());
                CSVPrinter held = printer(outDir.resolve("test.csv"), table.header())) {
            for (int i = 0; i < test.length; i++) {
                (test[i] ? held : train).printRecord(table.records().get(i));
                tests += test[i] ? 1 : 0;
            }
        }
        out.printf("rows %d train %d test %d (stratified by %s, share %s, seed %d)%n", test.length,
                test.length - tests, tests, CATEGORY, share, seed);
        return 0;
    }

    /** @return for each record, whether it is held back for test */
    static boolean[] testRows(List<CSVRecord> records, double share, long seed) {
        Map<String, List<Integer>> byCategory = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            byCategory.computeIfAbsent(records.get(i).get(CATEGORY), c -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        boolean[] test = new boolean[records.size()];
        for (List<Integer> rows : byCategory.values()) {
            Collections.shuffle(rows, random);
            long count = Math.round(share * rows.size());
            for (int j = 0; j < count; j++) {
                test[rows.get(j)] = true;
            }
        }
        return test;
    }

    private static CSVPrinter printer(Path file, List<String> header) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                .setHeader(header.toArray(String[]::new)).build());
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println(USAGE);
        return 2;
    }

    /**
     * A CSV file with a header that has a {@code category} column.
     *
     * @param header  column names
     * @param records the rows
     */
    record Table(List<String> header, List<CSVRecord> records) {

        static Table read(Path file) throws IOException {
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser parser = CSVParser.parse(reader, format)) {
                if (!parser.getHeaderNames().contains(CATEGORY)) {
                    throw new IllegalArgumentException("no " + CATEGORY + " column");
                }
                return new Table(List.copyOf(parser.getHeaderNames()), parser.getRecords());
            }
        }
    }
}
