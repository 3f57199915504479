package org.alexandria.crash.internal.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.alexandria.crash.internal.parse.CrashParser;
import org.alexandria.crash.internal.parse.Samples;
import org.alexandria.crash.internal.trace.InAppRules;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.junit.jupiter.api.Test;

class CrashSimilarityIndexTest {

    private static final String CART_NPE = """
            java.lang.NullPointerException: Cannot invoke "com.acme.Line.price()" because "line" is null
            \tat com.acme.shop.Cart.total(Cart.java:40)
            \tat com.acme.shop.CartController.show(CartController.java:21)
            \tat java.lang.Thread.run(Thread.java:833)
            """;
    private static final String CART_NPE_AGAIN = """
            java.lang.NullPointerException: Cannot invoke "com.acme.Line.price()" because "line" is null
            \tat com.acme.shop.Cart.total(Cart.java:44)
            \tat com.acme.shop.Cart.summary(Cart.java:71)
            \tat com.acme.shop.CheckoutController.confirm(CheckoutController.java:35)
            \tat java.lang.Thread.run(Thread.java:833)
            """;
    private static final String INVOICE_NPE = """
            java.lang.NullPointerException
            \tat com.acme.billing.Invoice.number(Invoice.java:12)
            \tat com.acme.billing.InvoiceJob.run(InvoiceJob.java:8)
            \tat java.lang.Thread.run(Thread.java:833)
            """;

    private final CrashSimilarityIndex index = new CrashSimilarityIndex(SimilarityConfig.defaults());

    private static ParsedTrace parse(String text) {
        return (ParsedTrace) new CrashParser().parse(text);
    }

    @Test
    void ranksTheDuplicateFirst() {
        index.add("invoice", parse(INVOICE_NPE));
        index.add("cart", parse(CART_NPE));
        index.add("python", Samples.parsed("python-direct-cause.txt"));

        List<ScoredTrace> ranked = index.rank(parse(CART_NPE_AGAIN), 10);

        assertThat(ranked).extracting(ScoredTrace::id).containsExactly("cart", "invoice");
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score()).isLessThanOrEqualTo(1);
        assertThat(ranked.get(1).score()).isGreaterThan(0);
    }

    @Test
    void aKnownTraceScoresOneAgainstItself() {
        index.add("cart", parse(CART_NPE));
        index.add("invoice", parse(INVOICE_NPE));

        assertThat(index.rank(parse(CART_NPE), 1)).singleElement()
                .satisfies(s -> assertThat(s.id()).isEqualTo("cart"))
                .satisfies(s -> assertThat(s.score()).isCloseTo(1, within(1e-9)));
    }

    @Test
    void addReplacesAndRemoveForgets() {
        index.add("a", parse(CART_NPE));
        index.add("b", parse(INVOICE_NPE));
        index.add("a", parse(INVOICE_NPE));

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.rank(parse(CART_NPE_AGAIN), 10)).extracting(ScoredTrace::id).containsExactly("a", "b");

        assertThat(index.remove("a")).isTrue();
        assertThat(index.remove("a")).isFalse();
        assertThat(index.rank(parse(INVOICE_NPE), 10)).extracting(ScoredTrace::id).containsExactly("b");
    }

    @Test
    void honoursTheLimitAndBreaksTiesInInsertionOrder() {
        for (int i = 0; i < 5; i++) {
            index.add("copy" + i, parse(CART_NPE));
        }

        assertThat(index.rank(parse(CART_NPE), 3)).extracting(ScoredTrace::id).containsExactly("copy0", "copy1", "copy2");
        assertThat(index.rank(parse(CART_NPE), 0)).isEmpty();
        assertThat(new CrashSimilarityIndex(SimilarityConfig.defaults()).rank(parse(CART_NPE), 5)).isEmpty();
    }

    @Test
    void tracesSharingNothingAreNotRanked() {
        index.add("python", Samples.parsed("python-direct-cause.txt"));
        index.add("gdb", Samples.parsed("gdb-segfault.txt"));

        assertThat(index.rank(parse(CART_NPE), 10)).isEmpty();
    }

    @Test
    void theSignalsDecideWhatCounts() {
        SimilarityConfig typesAndFramesOnly = SimilarityConfig.defaults().withSignals(EnumSet.noneOf(Signal.class))
                .withAlignmentWeight(0);
        CrashSimilarityIndex plain = new CrashSimilarityIndex(typesAndFramesOnly);
        for (CrashSimilarityIndex i : List.of(index, plain)) {
            i.add("invoice", parse(INVOICE_NPE));
            i.add("cart", parse(CART_NPE));
        }
        ParsedTrace query = parse(CART_NPE_AGAIN.replace("Cart.total", "Cart.sum"));

        // with types and exact frames only, both candidates share the type and Thread.run, and the shorter
        // invoice trace wins; the message, the Cart class and the alignment make the cart trace win
        assertThat(plain.rank(query, 2)).extracting(ScoredTrace::id).containsExactly("invoice", "cart");
        assertThat(index.rank(query, 2)).extracting(ScoredTrace::id).containsExactly("cart", "invoice");
    }

    @Test
    void rejectsParametersOutOfRange() {
        assertThatThrownBy(() -> new SimilarityConfig(InAppRules.defaults(), EnumSet.allOf(Signal.class), 1.5, 0.5, 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityConfig(InAppRules.defaults(), EnumSet.allOf(Signal.class), 0.5, -1, 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rankingsRunConcurrentlyWithAdditions() throws Exception {
        index.add("cart", parse(CART_NPE));
        ParsedTrace query = parse(CART_NPE_AGAIN);
        ParsedTrace other = parse(INVOICE_NPE);
        int readers = 8;
        int additions = 200;
        ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < additions; i++) {
                        List<ScoredTrace> ranked = index.rank(query, 3);
                        assertThat(ranked.get(0).id()).isEqualTo("cart");
                        checked++;
                    }
                    return checked;
                }));
            }
            Callable<Integer> writer = () -> {
                start.await();
                for (int i = 0; i < additions; i++) {
                    index.add("invoice" + i, other);
                }
                return additions;
            };
            results.add(pool.submit(writer));
            start.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(additions);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.size()).isEqualTo(additions + 1);
        assertThat(index.rank(query, 1000)).hasSize(additions + 1);
    }
}
