package org.alexandria.workflow.resolution.internal.correlation;

/**
 * Thresholds of the ticket to crash-group links.
 *
 * @param autoLinkThreshold score from which a link is made automatically, in [0, 1]
 * @param suggestThreshold  score from which a group is suggested, in [0, autoLinkThreshold]
 * @param maxCandidates     most candidates returned, 1..50
 */
public record CorrelationSettings(double autoLinkThreshold, double suggestThreshold, int maxCandidates) {

    /**
     * Auto-link from 0.65: on the development tickets (docs/evaluation.md) auto-link precision 0.95 at recall 0.62,
     * leaving room below the 0.85 goal for tickets written differently; suggest from 0.30 (precision 0.83 there).
     */
    public static final CorrelationSettings DEFAULTS = new CorrelationSettings(0.65, 0.30, 5);

    /** @throws IllegalArgumentException when a threshold is outside [0, 1], inverted, or the count out of range */
    public CorrelationSettings {
        if (!(autoLinkThreshold >= 0 && autoLinkThreshold <= 1)) {
            throw new IllegalArgumentException("autoLinkThreshold must be in [0, 1]: " + autoLinkThreshold);
        }
        if (!(suggestThreshold >= 0 && suggestThreshold <= autoLinkThreshold)) {
            throw new IllegalArgumentException("suggestThreshold must be in [0, autoLinkThreshold]: " + suggestThreshold);
        }
        if (maxCandidates < 1 || maxCandidates > 50) {
            throw new IllegalArgumentException("maxCandidates must be between 1 and 50: " + maxCandidates);
        }
    }

    /**
     * @param score a candidate's score
     * @return what to do with it
     */
    public LinkDecision decide(double score) {
        if (score >= autoLinkThreshold) {
            return LinkDecision.AUTO_LINK;
        }
        return score >= suggestThreshold ? LinkDecision.SUGGEST : LinkDecision.NONE;
    }
}
