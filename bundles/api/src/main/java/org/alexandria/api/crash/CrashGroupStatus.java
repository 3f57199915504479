package org.alexandria.api.crash;

/** Life cycle of a crash group. */
public enum CrashGroupStatus {
    /** Collects the reports whose fingerprint it has. */
    OPEN,
    /** Merged into another group ({@code mergedInto}); its reports, and new ones with its fingerprint, go there. */
    MERGED
}
