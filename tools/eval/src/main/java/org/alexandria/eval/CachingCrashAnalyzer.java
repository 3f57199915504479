package org.alexandria.eval;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.crash.CrashGroupMatch;
import org.alexandria.api.crash.CrashReportReceipt;
import org.alexandria.api.crash.CrashReportSubmission;
import org.alexandria.api.crash.ParsedCrash;

/**
 * Remembers the answers of a crash analyzer whose data no longer changes, so that an ablation that runs the same
 * tickets through several score models asks the database once. Ingesting is refused.
 */
final class CachingCrashAnalyzer implements CrashAnalyzer {

    private final CrashAnalyzer delegate;
    private final Map<String, List<CrashGroupMatch>> matches = new ConcurrentHashMap<>();
    private final Map<String, List<CrashGroupMatch>> searches = new ConcurrentHashMap<>();
    private final Map<String, Optional<CrashGroup>> groups = new ConcurrentHashMap<>();
    private final Map<String, ParsedCrash> parses = new ConcurrentHashMap<>();

    CachingCrashAnalyzer(CrashAnalyzer delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<CrashGroupMatch> match(String text, int limit) {
        return matches.computeIfAbsent(limit + "\n" + text, k -> delegate.match(text, limit));
    }

    @Override
    public List<CrashGroupMatch> search(String text, int limit) {
        return searches.computeIfAbsent(limit + "\n" + text, k -> delegate.search(text, limit));
    }

    @Override
    public CrashReportReceipt ingest(CrashReportSubmission submission) {
        throw new UnsupportedOperationException("the cached crash analyzer is read-only");
    }

    @Override
    public Optional<CrashGroup> group(String groupId) {
        return groups.computeIfAbsent(groupId, delegate::group);
    }

    @Override
    public ParsedCrash parse(String text) {
        return parses.computeIfAbsent(text, delegate::parse);
    }
}
