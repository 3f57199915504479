package org.alexandria.tickets.internal.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RecencyPriorTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private final RecencyPrior prior = new RecencyPrior(60);

    @Test
    void fullWeightTheSameDayAndAboutSixtyPercentAtTheScale() {
        assertThat(prior.factor(NOW, NOW)).isEqualTo(1);
        assertThat(prior.factor(NOW, NOW.minus(Duration.ofDays(60)))).isCloseTo(1 / (1 + Math.log(2)), within(1e-9));
    }

    @Test
    void neverRulesOutOldTickets() {
        assertThat(prior.factor(NOW, NOW.minus(Duration.ofDays(3650)))).isGreaterThan(0.19);
    }

    @Test
    void switchedOffAtZero() {
        assertThat(new RecencyPrior(0).factor(NOW, NOW.minus(Duration.ofDays(900)))).isEqualTo(1);
    }

    @Property
    void olderCountsLessAndDirectionDoesNotMatter(@ForAll @IntRange(max = 5000) int days,
            @ForAll @IntRange(min = 1, max = 5000) int more) {
        Instant older = NOW.minus(Duration.ofDays(days));
        Instant evenOlder = older.minus(Duration.ofDays(more));

        assertThat(prior.factor(NOW, evenOlder)).isLessThan(prior.factor(NOW, older));
        assertThat(prior.factor(older, NOW)).isEqualTo(prior.factor(NOW, older));
    }
}
