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

class TicketDedupBenchmarkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER =
            "Summary,Issue id,Status,Priority,Resolution,Created,Resolved,Affects Version/s,Description\n";

    /**
     * Two duplicate pairs (3 repeats 1, 4 repeats 2), a linked pair filed in the same minute (5 and 6: neither was
     * there before the other, so neither is a query) and a report linked to one that is not in the file (7).
     */
    private static String reports(String resolution) {
        return HEADER
                + "Upgrade Netty to 4.1.86,1,Resolved,Major," + resolution + ",01/Feb/23 10:00,,3.3.4,"
                + "\"Netty 4.1.85 has CVE-2022-41881.\nPlease upgrade.\"\n"
                + "Typos in the S3A documentation,2,Open,Minor,,02/Feb/23 11:30,,,"
                + "\"Several typos, e.g. \"\"teh\"\".\"\n"
                + "\"Bump netty, again\",3,Resolved,Major," + resolution + ",10/Mar/23 09:15,,3.3.5,"
                + "\"Netty 4.1.89 fixes CVE-2022-41881 too:\n{code}\nmvn dependency:tree\n{code}\"\n"
                + "S3A documentation typo fixes,4,Resolved,Trivial," + resolution + ",11/Mar/23 08:00,,,teh -> the\n"
                + "Balancer hangs,5,Open,Major,,12/Mar/23 08:00,,,\"Balancer hangs on decommission\"\n"
                + "Balancer stuck,6,Open,Major," + resolution + ",12/Mar/23 08:00,,,\"Stuck on decommission\"\n"
                + "Kerberos login fails,7,Open,Major," + resolution + ",13/Mar/23 08:00,,,\"kinit works, login not\"\n";
    }

    private static final String LINKS = "Issue id,Duplicate id\n3,1\n1,3\n4,\"2, 99\"\n6,5\n7,404\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "r.csv", "r.csv l.csv x.csv", "r.csv l.csv --rankings", "r.csv l.csv --verbose",
            "r.csv l.csv --without colour"})
    void badArgumentsPrintTheUsageAndExitWithTwo(String args) throws IOException {
        Result r = run(args.isEmpty() ? List.of() : List.of(args.split(" ")));

        assertThat(r.code).isEqualTo(2);
        assertThat(r.out).contains(TicketDedupBenchmark.USAGE);
    }

    @Test
    void unreadableInputExitsWithTwo() throws IOException {
        Path links = write("links.csv", LINKS);
        Path noDescription = write("a.csv", "Summary,Issue id,Created\nx,1,01/Feb/23 10:00\n");
        Path badTime = write("b.csv", HEADER + "x,1,Open,Major,,yesterday,,,d\n");

        assertThat(run(List.of(dir.resolve("missing.csv").toString(), links.toString())).code).isEqualTo(2);
        Result r = run(List.of(noDescription.toString(), links.toString()));
        assertThat(r.code).isEqualTo(2);
        assertThat(r.out).contains("no column 'Description'");
        assertThat(run(List.of(badTime.toString(), links.toString())).out).contains("unreadable time 'yesterday'");
    }

    @Test
    void queriesAreTheReportsWithAnEarlierLinkedDuplicate() throws IOException {
        Path rankings = dir.resolve("out/rankings.jsonl");

        Result r = run(List.of(write("reports.csv", reports("Duplicate")).toString(), write("links.csv", LINKS)
                .toString(), "--rankings", rankings.toString()));

        assertThat(r.code).isZero();
        assertThat(r.out).contains("reports 7, with a duplicate link 7", "queries 2", "recall@1 1.0000",
                "recall@5 1.0000", "recall@10 1.0000", "MRR 1.0000");
        Map<String, List<String>> lines = readRankings(rankings);
        assertThat(lines).containsOnlyKeys("3", "4");
        assertThat(lines.get("3")).first().isEqualTo("1");
        assertThat(lines.get("4")).first().isEqualTo("2");
        // only reports created before the query are candidates
        assertThat(lines.get("3")).isSubsetOf("1", "2");
        assertThat(lines.get("4")).isSubsetOf("1", "2", "3");
    }

    @Test
    void statusAndResolutionAreNotRead() throws IOException {
        // 10 and 11 tie on everything the ranking may read; any use of the labels would break the tie
        String query = "Upgrade Netty,12,Resolved,Major,Duplicate,20/Feb/23 10:00,21/Feb/23 10:00,,CVE-2022-41881\n";
        Path links = write("links.csv", "Issue id,Duplicate id\n12,10\n");
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");

        run(List.of(write("a.csv", HEADER + netty("10", "Resolved,Critical,Duplicate") + netty("11", "Open,Minor,")
                + query).toString(), links.toString(), "--rankings", first.toString()));
        run(List.of(write("b.csv", HEADER + netty("10", "Open,Minor,") + netty("11", "Resolved,Critical,Duplicate")
                + query).toString(), links.toString(), "--rankings", second.toString()));

        assertThat(readRankings(first).get("12")).containsExactly("10", "11");
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    private static String netty(String id, String statusPriorityResolution) {
        return "Upgrade Netty to 4.1.86," + id + "," + statusPriorityResolution
                + ",01/Feb/23 10:00,,,Netty has CVE-2022-41881\n";
    }

    @Test
    void componentsCanBeSwitchedOff() throws IOException {
        Result r = run(List.of(write("reports.csv", reports("")).toString(), write("links.csv", LINKS).toString(),
                "--without", "recency,traces"));

        assertThat(r.code).isZero();
        assertThat(r.out).contains("without: recency,traces", "queries 2");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static Map<String, List<String>> readRankings(Path file) throws IOException {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode node = JSON.readTree(line);
            List<String> ranked = new ArrayList<>();
            node.get("ranked").forEach(id -> ranked.add(id.asText()));
            lines.put(node.get("query").asText(), ranked);
        }
        return lines;
    }

    private static Result run(List<String> args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = TicketDedupBenchmark.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(code, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out) {
    }
}
