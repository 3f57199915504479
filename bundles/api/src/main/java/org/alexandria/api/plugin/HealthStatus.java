package org.alexandria.api.plugin;

/** Health of a plugin or of the whole platform, from best to worst. */
public enum HealthStatus {
    /** Working normally. */
    UP,
    /** Working with reduced function, for example an optional dependency is missing. */
    DEGRADED,
    /** Not working, failed its health check, or did not answer it in time. */
    DOWN;

    /**
     * @param other another status
     * @return the worse of this and {@code other}
     */
    public HealthStatus worst(HealthStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
