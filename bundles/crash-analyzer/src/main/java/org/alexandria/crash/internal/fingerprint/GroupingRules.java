package org.alexandria.crash.internal.fingerprint;

import java.util.Map;
import org.alexandria.crash.internal.trace.InAppRules;

/**
 * A versioned grouping configuration, in the spirit of Sentry's grouping configs: which frames are
 * in-app, how many of the top in-app frames of each exception count, and per exception type overrides.
 * Any change to the rules that can change a fingerprint must come with a new {@code version}; the
 * version is hashed into every fingerprint, so groups made under different rules never collide and old
 * groups stay valid under their own version.
 *
 * @param name      rule set name, e.g. {@code alexandria}
 * @param version   rule set version, at least 1
 * @param inApp     which frames are the application's
 * @param frames    how many top in-app frames of each exception of the causal chain count (at least 1)
 * @param overrides by exact exception type as printed, e.g. {@code java.lang.OutOfMemoryError}
 */
public record GroupingRules(String name, int version, InAppRules inApp, int frames, Map<String, TypeOverride> overrides) {

    /**
     * Out-of-memory errors are grouped by type and message ("Java heap space", "Metaspace"): where the
     * allocation that failed happened is incidental.
     */
    private static final TypeOverride BY_TYPE_AND_MESSAGE = new TypeOverride(0, true);

    /** Version 1 of the built-in rules: default in-app rules, 5 frames, out-of-memory overrides. */
    public static final GroupingRules DEFAULT = new GroupingRules("alexandria", 1, InAppRules.defaults(), 5, Map.of(
            "java.lang.OutOfMemoryError", BY_TYPE_AND_MESSAGE,
            "MemoryError", BY_TYPE_AND_MESSAGE,
            "System.OutOfMemoryException", BY_TYPE_AND_MESSAGE));

    public GroupingRules {
        if (name.isBlank() || name.contains(":") || version < 1 || frames < 1) {
            throw new IllegalArgumentException("invalid grouping rules " + name + ":" + version + " frames " + frames);
        }
        overrides = Map.copyOf(overrides);
    }

    /** @return {@code name:version}, recorded in every fingerprint */
    public String id() {
        return name + ":" + version;
    }

    /** @return the override for the type, or the defaults ({@link #frames()} frames, no message) */
    public TypeOverride forType(String type) {
        return overrides.getOrDefault(type, new TypeOverride(frames, false));
    }
}
