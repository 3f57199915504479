package org.alexandria.workflow.resolution.internal.correlation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashGroup;

/**
 * Crash groups the correlation read lately, kept for {@link #TTL_MS} at most: a burst of tickets about one crash
 * reads its group once instead of once per ticket (reading a group costs the crash analyzer several queries).
 * The workflow drops a group as soon as its crash-group events say it changed on this node; a change made on
 * another node is seen at most {@link #TTL_MS} late, and the crash activity it causes re-runs the unlinked tickets
 * afterwards anyway. Only groups that exist are kept. Thread-safe.
 */
public final class GroupCache {

    /** How long a group read is used, in milliseconds. */
    public static final long TTL_MS = 2_000;
    /** Groups kept at most; the cache is emptied when it is full (it refills with what is current). */
    static final int MAX_GROUPS = 10_000;

    private record Entry(CrashAnalyzer source, CrashGroup group, long readNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final long ttlNanos;

    /** A cache on the system's monotonic clock. */
    public GroupCache() {
        this(System::nanoTime, TTL_MS);
    }

    /**
     * @param nanoTime a monotonic clock in nanoseconds
     * @param ttlMs    how long a read group is used
     */
    GroupCache(LongSupplier nanoTime, long ttlMs) {
        this.nanoTime = nanoTime;
        this.ttlNanos = ttlMs * 1_000_000;
    }

    /**
     * @param crashes the crash analyzer (a group read from another instance is not used)
     * @param groupId a crash group
     * @return the group, read from the analyzer unless it was read less than {@link #TTL_MS} ago
     */
    public Optional<CrashGroup> group(CrashAnalyzer crashes, String groupId) {
        long now = nanoTime.getAsLong();
        Entry kept = entries.get(groupId);
        if (kept != null && kept.source() == crashes && now - kept.readNanos() < ttlNanos) {
            return Optional.of(kept.group());
        }
        Optional<CrashGroup> read = crashes.group(groupId);
        if (read.isPresent()) {
            if (entries.size() >= MAX_GROUPS) {
                entries.clear();
            }
            entries.put(groupId, new Entry(crashes, read.get(), now));
        } else {
            entries.remove(groupId);
        }
        return read;
    }

    /** @param groupId a crash group that changed: its next read goes to the analyzer */
    public void invalidate(String groupId) {
        entries.remove(groupId);
    }

    /** Forgets every group. */
    public void clear() {
        entries.clear();
    }
}
