package org.alexandria.workflow.resolution.internal.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.crash.CrashGroupStatus;
import org.junit.jupiter.api.Test;

class GroupCacheTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final GroupCache cache = new GroupCache(nanos::get, 2_000);
    private final CrashAnalyzer crashes = mock(CrashAnalyzer.class);

    private static CrashGroup group(String id, int reports) {
        Instant seen = Instant.parse("2026-01-01T00:00:00Z");
        return new CrashGroup(id, "fp-" + id, "alexandria:1", "NPE at Main.run", "java.lang.NullPointerException", "boom",
                CrashGroupStatus.OPEN, null, reports, seen, seen, "JAVA", List.of(), List.of(), List.of(), List.of(),
                List.of(), 0);
    }

    @Test
    void aGroupIsReadOnceWithinTheTimeToLiveAndAgainAfterIt() {
        when(crashes.group("g1")).thenReturn(Optional.of(group("g1", 1)), Optional.of(group("g1", 2)));

        assertThat(cache.group(crashes, "g1")).map(CrashGroup::reportCount).contains(1L);
        nanos.addAndGet(1_999_000_000L);
        assertThat(cache.group(crashes, "g1")).map(CrashGroup::reportCount).contains(1L);
        verify(crashes, times(1)).group("g1");

        nanos.addAndGet(1_000_000L);
        assertThat(cache.group(crashes, "g1")).map(CrashGroup::reportCount).contains(2L);
        verify(crashes, times(2)).group("g1");
    }

    @Test
    void aChangedGroupAnotherAnalyzerOrAMissingGroupIsReadAgain() {
        when(crashes.group("g1")).thenReturn(Optional.of(group("g1", 1)), Optional.of(group("g1", 5)));
        when(crashes.group("gone")).thenReturn(Optional.empty());
        cache.group(crashes, "g1");
        cache.invalidate("g1");
        assertThat(cache.group(crashes, "g1")).map(CrashGroup::reportCount).contains(5L);

        CrashAnalyzer replaced = mock(CrashAnalyzer.class);
        when(replaced.group("g1")).thenReturn(Optional.of(group("g1", 7)));
        assertThat(cache.group(replaced, "g1")).map(CrashGroup::reportCount).contains(7L);

        assertThat(cache.group(crashes, "gone")).isEmpty();
        assertThat(cache.group(crashes, "gone")).isEmpty();
        verify(crashes, times(2)).group("gone");

        cache.clear();
        cache.group(replaced, "g1");
        verify(replaced, times(2)).group("g1");
    }
}
