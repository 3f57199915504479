package org.alexandria.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrashDedupBenchmarkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two duplicate pairs, a trace of its own and one that is not a trace; {id, group, text}. */
    private static final List<String[]> TRACES = List.of(
            new String[] {"cart-1", "CART", "java.lang.NullPointerException: line is null\n"
                    + "\tat com.acme.shop.Cart.total(Cart.java:40)\n\tat com.acme.shop.CartController.show(CartController.java:21)\n"},
            new String[] {"invoice-1", "INVOICE", "java.lang.IllegalStateException: invoice already sent\n"
                    + "\tat com.acme.billing.Invoice.send(Invoice.java:12)\n\tat com.acme.billing.InvoiceJob.run(InvoiceJob.java:8)\n"},
            new String[] {"cart-2", "CART", "java.lang.NullPointerException: line is null\n"
                    + "\tat com.acme.shop.Cart.total(Cart.java:44)\n\tat com.acme.shop.CheckoutController.confirm(CheckoutController.java:35)\n"},
            new String[] {"invoice-2", "INVOICE", "java.lang.IllegalStateException: invoice already sent\n"
                    + "\tat com.acme.billing.Invoice.send(Invoice.java:14)\n\tat com.acme.billing.Reminder.run(Reminder.java:30)\n"},
            new String[] {"python-1", "PY", "Traceback (most recent call last):\n  File \"/srv/app/orders.py\", line 4, in load\n"
                    + "    return rows[key]\nKeyError: 'A-1'\n"},
            new String[] {"prose-1", "PROSE", "Checkout is slow since Monday."});

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "--ablation", "a.jsonl b.jsonl", "a.jsonl --rankings", "a.jsonl --verbose"})
    void badArgumentsPrintTheUsageAndExitWithTwo(String args) throws IOException {
        Result r = run(args.isEmpty() ? List.of() : List.of(args.split(" ")));

        assertThat(r.code).isEqualTo(2);
        assertThat(r.out).contains(CrashDedupBenchmark.USAGE);
    }

    @Test
    void aMissingOrMalformedFileExitsWithTwo() throws IOException {
        Path malformed = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": \"a\", \"group\": \"g\"}\n");

        assertThat(run(List.of(dir.resolve("missing.jsonl").toString())).code).isEqualTo(2);
        Result r = run(List.of(malformed.toString()));
        assertThat(r.code).isEqualTo(2);
        assertThat(r.out).contains("line 1: no \"trace_text\"");
    }

    @Test
    void printsTheMetricsAndWritesTheRankingsOfEveryQuery() throws IOException {
        Path rankings = dir.resolve("out/rankings.jsonl");

        Result r = run(List.of(write("traces.jsonl", TRACES).toString(), "--rankings", rankings.toString()));

        assertThat(r.code).isZero();
        assertThat(r.out).contains("traces 6 (unparsed 1), queries 4", "RR@1 1.0000", "recall@5 1.0000",
                "recall@10 1.0000", "MRR 1.0000", "RR@1 with ties at first place counted as misses 1.0000");
        Map<String, List<String>> lines = readRankings(rankings);
        assertThat(lines).containsOnlyKeys("cart-1", "invoice-1", "cart-2", "invoice-2");
        assertThat(lines.get("cart-1")).first().isEqualTo("cart-2");
        assertThat(lines.get("invoice-2")).first().isEqualTo("invoice-1");
        lines.forEach((query, ranked) -> assertThat(ranked).doesNotContain(query, "prose-1").hasSizeLessThanOrEqualTo(10));
    }

    @Test
    void theRankingsDependNeitherOnTheGroupsNorOnTheIds() throws IOException {
        List<String[]> relabelled = new ArrayList<>();
        for (String[] t : TRACES) {
            // every trace in one group (so every trace is a query), ids replaced by opaque ones
            relabelled.add(new String[] {"x" + Integer.toHexString(t[0].hashCode()), "ONE", t[2]});
        }
        Path original = dir.resolve("original.jsonl");
        Path other = dir.resolve("other.jsonl");
        run(List.of(write("a.jsonl", TRACES).toString(), "--rankings", original.toString()));
        run(List.of(write("b.jsonl", relabelled).toString(), "--rankings", other.toString()));

        Map<String, String> renamed = new LinkedHashMap<>();
        for (int i = 0; i < TRACES.size(); i++) {
            renamed.put(relabelled.get(i)[0], TRACES.get(i)[0]);
        }
        Map<String, List<String>> otherRankings = new LinkedHashMap<>();
        readRankings(other).forEach((q, ranked) -> otherRankings.put(renamed.get(q), ranked.stream().map(renamed::get).toList()));
        assertThat(otherRankings).containsAllEntriesOf(readRankings(original));
    }

    @Test
    void theAblationScoresEachPartOfTheSimilarity() throws IOException {
        Result r = run(List.of(write("traces.jsonl", TRACES).toString(), "--ablation"));

        assertThat(r.code).isZero();
        assertThat(r.out).contains("TF-IDF cosine: exception types + frames", "+ PDM alignment = full",
                "full without message terms", "PDM alignment alone");
    }

    private Path write(String name, List<String[]> traces) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (String[] t : traces) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("id", t[0]);
            line.put("group", t[1]);
            line.put("exception_type", "ignored");
            line.put("trace_text", t[2]);
            jsonl.append(JSON.writeValueAsString(line)).append('\n');
        }
        return Files.writeString(dir.resolve(name), jsonl);
    }

    private static Map<String, List<String>> readRankings(Path file) throws IOException {
        Map<String, List<String>> rankings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode node = JSON.readTree(line);
            List<String> ranked = new ArrayList<>();
            node.get("ranked").forEach(n -> ranked.add(n.asText()));
            rankings.put(node.get("query").asText(), ranked);
        }
        return rankings;
    }

    private record Result(int code, String out) {
    }

    private static Result run(List<String> args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = CrashDedupBenchmark.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
