package org.alexandria.tickets.internal.dedup;

/**
 * The few knobs of duplicate detection. {@link #defaults()} holds the values chosen on the ticket-dedup benchmark
 * (docs/evaluation.md): each sits inside a plateau where neighbouring values score within one or two queries of
 * it. The switches exist so that each component's contribution can be measured.
 *
 * @param subjectWeight    how much a term found in an indexed ticket's subject counts against one found in its
 *                         description
 * @param descriptionTerms how many terms of the asking ticket's description are searched, the most telling first
 *                         (rarity times damped frequency); its subject terms are always searched
 * @param traceWeight      weight of each shared exception type or top stack frame; 0 switches the trace signal off
 * @param recencyDays      time scale of the recency prior ({@code RecencyPrior}); 0 switches the prior off
 * @param splitIdentifiers whether code identifiers are also indexed as their words ({@link IdentifierSplitFilter})
 * @param versionFamilies  whether version numbers are also indexed as their major.minor family
 *                         ({@link VersionFamilyFilter})
 * @param stem             whether English words are stemmed
 */
public record DedupSettings(float subjectWeight, int descriptionTerms, float traceWeight, double recencyDays,
        boolean splitIdentifiers, boolean versionFamilies, boolean stem) {

    /** Checks the ranges. */
    public DedupSettings {
        if (!(subjectWeight > 0) || descriptionTerms < 0 || !(traceWeight >= 0) || !(recencyDays >= 0)
                || Double.isInfinite(recencyDays)) {
            throw new IllegalArgumentException("subjectWeight must be positive; descriptionTerms, traceWeight and "
                    + "recencyDays must be finite and not negative");
        }
    }

    /** @return the measured defaults */
    public static DedupSettings defaults() {
        return new DedupSettings(4, 60, 1, 60, true, true, true);
    }

    /**
     * @param weight the subject weight
     * @return these settings with it
     */
    public DedupSettings withSubjectWeight(float weight) {
        return new DedupSettings(weight, descriptionTerms, traceWeight, recencyDays, splitIdentifiers,
                versionFamilies, stem);
    }

    /**
     * @param terms how many description terms to search
     * @return these settings with it
     */
    public DedupSettings withDescriptionTerms(int terms) {
        return new DedupSettings(subjectWeight, terms, traceWeight, recencyDays, splitIdentifiers, versionFamilies,
                stem);
    }

    /**
     * @param weight the trace weight, 0 for none
     * @return these settings with it
     */
    public DedupSettings withTraceWeight(float weight) {
        return new DedupSettings(subjectWeight, descriptionTerms, weight, recencyDays, splitIdentifiers,
                versionFamilies, stem);
    }

    /**
     * @param days the recency scale, 0 for no prior
     * @return these settings with it
     */
    public DedupSettings withRecencyDays(double days) {
        return new DedupSettings(subjectWeight, descriptionTerms, traceWeight, days, splitIdentifiers,
                versionFamilies, stem);
    }

    /**
     * @param identifiers whether identifiers are split
     * @param versions    whether version families are indexed
     * @param stemming    whether words are stemmed
     * @return these settings with these analysis switches
     */
    public DedupSettings withAnalysis(boolean identifiers, boolean versions, boolean stemming) {
        return new DedupSettings(subjectWeight, descriptionTerms, traceWeight, recencyDays, identifiers, versions,
                stemming);
    }
}
