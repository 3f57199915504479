package org.alexandria.tickets.internal.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateIndexTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final String TRACE = """
            java.io.FileNotFoundException: File does not exist: /user/a/part-0000
            \tat org.apache.hadoop.hdfs.DistributedFileSystem$29.doCall(DistributedFileSystem.java:1581)
            \tat org.apache.hadoop.fs.FileSystemLinkResolver.resolve(FileSystemLinkResolver.java:81)
            \tat org.apache.hadoop.fs.FileSystem.getFileStatus(FileSystem.java:1734)
            """;

    private final Directory directory = new ByteBuffersDirectory();
    private DuplicateIndex index;

    @BeforeEach
    void open() throws IOException {
        index = new DuplicateIndex(directory, DedupSettings.defaults());
        add("kafka", "Upgrade Kafka to 3.4.0", "Kafka 3.3 has CVE-2023-25194, please upgrade the client.", 40);
        add("jetty", "Upgrade Jetty to 9.4.51", "Jetty has several CVEs.", 30);
        add("docs", "Fix typos in the S3A documentation", "Several typos in index.md.", 20);
        add("trace", "Job output missing after rename", "The job fails:\n" + TRACE, 10);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
        directory.close();
    }

    @Test
    void theTicketAboutTheSameThingComesFirstWithItsEvidence() throws IOException {
        List<DuplicateMatch> matches = index.candidates(
                text("Upgrade kafka clients", "Kafka clients 3.3 are affected by CVE-2023-25194."), 2,
                CandidateFilter.NONE);

        assertThat(matches).hasSizeLessThanOrEqualTo(2);
        assertThat(matches.get(0).ticketId()).isEqualTo("kafka");
        // terms as the asking ticket wrote them ("clients"), not as indexed ("client")
        assertThat(matches.get(0).explanation()).startsWith("terms: ").contains("kafka", "clients", "25194");
        assertThat(matches).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void ticketsUpdatedManyTimesStillRank() throws IOException {
        // replaced documents stay counted by docFreq until their segments merge; idf must not go negative
        for (int i = 0; i < 10; i++) {
            add("kafka", "Upgrade Kafka to 3.4." + i, "Kafka 3.3 has CVE-2023-25194, please upgrade the client.", 40);
            add("jetty", "Upgrade Jetty to 9.4.5" + i, "Jetty has several CVEs; upgrade kafka too.", 30);
        }
        index.remove("docs");

        List<DuplicateMatch> matches = index.candidates(text("Upgrade kafka", "CVE-2023-25194 in kafka"), 3,
                CandidateFilter.NONE);

        assertThat(matches).extracting(DuplicateMatch::ticketId).first().isEqualTo("kafka");
        assertThat(matches).allSatisfy(m -> assertThat(m.score()).isPositive());
    }

    @Test
    void sharedExceptionsAndFramesAreEvidenceOfTheirOwn() throws IOException {
        String sameCrash = TRACE.replace("1581", "1602").replace("$29", "$31").replace("1734", "1760");

        List<DuplicateMatch> matches = index.candidates(text("Spark stage cannot read its input", sameCrash), 1,
                CandidateFilter.NONE);

        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.ticketId()).isEqualTo("trace");
            assertThat(m.explanation()).contains("exceptions: FileNotFoundException")
                    .contains("frames: ").contains("FileSystem.getFileStatus");
        });
    }

    @Test
    void proseMeetsTheIdentifiersOfALog() throws IOException {
        List<DuplicateMatch> matches = index.candidates(text("file status lookup fails", "link resolver"), 1,
                CandidateFilter.NONE);

        assertThat(matches).extracting(DuplicateMatch::ticketId).containsExactly("trace");
    }

    @Test
    void updateReplacesAndRemoveForgets() throws IOException {
        index.update("docs", text("Upgrade Guava to 32.0.1", "Guava 31 has CVE-2023-2976."));

        assertThat(ids(index.candidates(text("typos in documentation", ""), 5, CandidateFilter.NONE)))
                .doesNotContain("docs");
        assertThat(ids(index.candidates(text("guava upgrade", ""), 5, CandidateFilter.NONE))).startsWith("docs");

        index.remove("docs");

        assertThat(ids(index.candidates(text("guava upgrade", ""), 5, CandidateFilter.NONE))).doesNotContain("docs");
    }

    @Test
    void addingTheSameTicketTwiceKeepsOneCopy() throws IOException {
        add("kafka", "Upgrade Kafka to 3.4.0", "Kafka 3.3 has CVE-2023-25194, please upgrade the client.", 40);

        assertThat(ids(index.candidates(text("kafka", ""), 10, CandidateFilter.NONE))).containsExactly("kafka");
    }

    @Test
    void filterExcludesIdsAndOtherProducts() throws IOException {
        index.add("kafka-mobile", new TicketText("Upgrade Kafka", "Kafka CVE", "mobile", NOW.minus(days(5))));

        assertThat(ids(index.candidates(text("kafka", ""), 10, CandidateFilter.excluding("kafka"))))
                .containsExactly("kafka-mobile");
        assertThat(ids(index.candidates(text("upgrade", ""), 10, new CandidateFilter(Set.of(), "mobile"))))
                .containsExactly("kafka-mobile");
    }

    @Test
    void recencyPriorPrefersTheRecentOfTwoEqualMatches() throws IOException {
        // the old ticket is indexed first, so it would win the tie without the prior
        add("old", "Balancer hangs on decommission", "", 800);
        add("recent", "Balancer hangs on decommission", "", 3);
        TicketText asked = text("balancer hangs", "");

        assertThat(ids(index.candidates(asked, 2, CandidateFilter.NONE))).containsExactly("recent", "old");
        try (Directory other = new ByteBuffersDirectory();
                DuplicateIndex withoutPrior = new DuplicateIndex(other, DedupSettings.defaults().withRecencyDays(0))) {
            withoutPrior.add("old", text("Balancer hangs on decommission", "", 800));
            withoutPrior.add("recent", text("Balancer hangs on decommission", "", 3));
            assertThat(ids(withoutPrior.candidates(asked, 2, CandidateFilter.NONE))).containsExactly("old", "recent");
        }
    }

    @Test
    void nothingInCommonGivesNothing() throws IOException {
        assertThat(index.candidates(text("zzzq wwwx", ""), 5, CandidateFilter.NONE)).isEmpty();
        assertThat(index.candidates(text("", ""), 5, CandidateFilter.NONE)).isEmpty();
        assertThatThrownBy(() -> index.candidates(text("kafka", ""), 0, CandidateFilter.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void survivesARestartOnDisk(@TempDir Path dir) throws IOException {
        try (Directory fs = FSDirectory.open(dir)) {
            try (DuplicateIndex first = new DuplicateIndex(fs, DedupSettings.defaults())) {
                first.add("kafka", text("Upgrade Kafka to 3.4.0", "", 1));
            }
            try (DuplicateIndex reopened = new DuplicateIndex(fs, DedupSettings.defaults())) {
                assertThat(ids(reopened.candidates(text("kafka", ""), 1, CandidateFilter.NONE)))
                        .containsExactly("kafka");
            }
        }
    }

    @Test
    void concurrentWritersSeeTheirOwnWritesAndNothingIsLost() throws Exception {
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String word = "word" + thread + "x" + i;
                        index.add(word, text("Problem " + word, "details of " + word));
                        assertThat(ids(index.candidates(text(word, ""), 1, CandidateFilter.NONE)))
                                .containsExactly(word);
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(index.candidates(text("problem details", ""), 1000, CandidateFilter.NONE))
                .hasSize(threads * perThread);
    }

    @Test
    void anOutageOfNearIdenticalTicketsDoesNotHideTheTrueDuplicate() throws IOException {
        // more near-identical tickets than the candidate search may read postings for: it searches the rare words
        // first, then rescores its candidates with every word
        int outage = (int) DuplicateIndex.CANDIDATE_POSTINGS / 2 + 100;
        for (int i = 0; i < outage; i++) {
            add("outage-" + i, "Login fails after the update (" + i + ")",
                    "Since the update the login page fails with a blank screen.", 1);
        }
        add("android", "Login fails after the update on Android 14",
                "The app shows error E4021 on the login page.", 2);

        List<DuplicateMatch> matches = index.candidates(text("Android 14: login fails with E4021 since the update",
                "After the update the login page fails, error E4021."), 5, CandidateFilter.NONE);

        assertThat(matches.get(0).ticketId()).isEqualTo("android");
        assertThat(ids(matches).subList(1, 5)).allMatch(id -> id.startsWith("outage-"));
        assertThat(matches.get(0).score()).isGreaterThan(matches.get(1).score());
    }

    @Test
    void aRefreshIntervalMakesWritesSearchableAtTheNextRefreshNotBefore() throws Exception {
        try (Directory memory = new ByteBuffersDirectory();
                DuplicateIndex hourly = new DuplicateIndex(memory, DedupSettings.defaults(), Duration.ofHours(1));
                Directory other = new ByteBuffersDirectory();
                DuplicateIndex frequent = new DuplicateIndex(other, DedupSettings.defaults(), Duration.ofMillis(20))) {
            hourly.add("kafka", text("Upgrade Kafka to 3.4.0", ""));
            frequent.add("kafka", text("Upgrade Kafka to 3.4.0", ""));

            // the hourly index has not refreshed since it was opened empty, and will not within a short wait
            assertThat(hourly.candidates(text("kafka", ""), 1, CandidateFilter.NONE)).isEmpty();
            assertThat(hourly.awaitSearchable(Duration.ofMillis(50))).isFalse();
            assertThat(frequent.awaitSearchable(Duration.ofSeconds(10))).isTrue();
            List<DuplicateMatch> found = frequent.candidates(text("kafka", ""), 1, CandidateFilter.NONE);
            assertThat(ids(found)).containsExactly("kafka");
        }
        assertThatThrownBy(() -> new DuplicateIndex(new ByteBuffersDirectory(), DedupSettings.defaults(),
                Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> DedupSettings.defaults().withSubjectWeight(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DedupSettings.defaults().withRecencyDays(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DedupSettings.defaults().withTraceWeight(Float.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void add(String id, String subject, String description, int daysAgo) throws IOException {
        index.add(id, text(subject, description, daysAgo));
    }

    private static TicketText text(String subject, String description) {
        return TicketText.of(subject, description, NOW);
    }

    private static TicketText text(String subject, String description, int daysAgo) {
        return TicketText.of(subject, description, NOW.minus(days(daysAgo)));
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    private static List<String> ids(List<DuplicateMatch> matches) {
        return matches.stream().map(DuplicateMatch::ticketId).toList();
    }
}
