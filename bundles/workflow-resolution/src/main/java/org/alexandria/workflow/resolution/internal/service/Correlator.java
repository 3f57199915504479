package org.alexandria.workflow.resolution.internal.service;

import java.util.List;
import java.util.Set;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.workflow.resolution.internal.correlation.Candidate;
import org.alexandria.workflow.resolution.internal.correlation.CorrelationEngine;
import org.alexandria.workflow.resolution.internal.correlation.CorrelationSettings;
import org.alexandria.workflow.resolution.internal.correlation.GroupCache;
import org.alexandria.workflow.resolution.internal.correlation.ScoreModel;
import org.alexandria.workflow.resolution.internal.correlation.TicketFacts;

/** The correlation step's engine: {@link CorrelationEngine} in production, a fixed ranking in step tests. */
@FunctionalInterface
public interface Correlator {

    /**
     * @param crashes  the crash analyzer
     * @param facts    the ticket
     * @param excluded groups never to return (rejected by an agent)
     * @param settings thresholds and candidate count
     * @return candidates, best first
     */
    List<Candidate> correlate(CrashAnalyzer crashes, TicketFacts facts, Set<String> excluded, CorrelationSettings settings);

    /**
     * @param clock the clock for time proximity
     * @return the real engine
     */
    static Correlator engine(java.time.Clock clock) {
        return (crashes, facts, excluded, settings) -> new CorrelationEngine(crashes, clock).correlate(facts, excluded, settings);
    }

    /**
     * @param clock  the clock for time proximity
     * @param groups where candidate groups are read, recently read ones from memory
     * @return the real engine
     */
    static Correlator engine(java.time.Clock clock, GroupCache groups) {
        return (crashes, facts, excluded, settings) -> new CorrelationEngine(crashes, clock, ScoreModel.DEFAULT,
                id -> groups.group(crashes, id)).correlate(facts, excluded, settings);
    }
}
