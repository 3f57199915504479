package org.alexandria.crash.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.alexandria.crash.internal.fingerprint.GroupingRules;
import org.alexandria.crash.internal.fingerprint.TypeOverride;
import org.alexandria.crash.internal.trace.InAppRules;

/** Turns the configuration into grouping rules with an id that changes whenever the rules do. */
final class Grouping {

    /** Name of rule sets that differ from the built-in ones. */
    static final String CUSTOM = "custom";

    private Grouping() {
    }

    /**
     * The built-in {@link GroupingRules#DEFAULT} when the configuration keeps the defaults; otherwise rules named
     * {@code custom-<hash of the settings>}, version 1, so that fingerprints under different settings never
     * collide and every node with the same settings computes the same fingerprints.
     */
    static GroupingRules rules(CrashConfig config) {
        List<String> include = clean(config.inAppInclude());
        List<String> exclude = clean(config.inAppExclude());
        List<String> byMessage = clean(config.groupByMessageTypes());
        if (include.isEmpty() && exclude.isEmpty() && byMessage.isEmpty()
                && config.groupingFrames() == GroupingRules.DEFAULT.frames()) {
            return GroupingRules.DEFAULT;
        }
        List<String> allExcluded = new ArrayList<>(InAppRules.FRAMEWORK);
        allExcluded.addAll(exclude);
        Map<String, TypeOverride> overrides = new HashMap<>(GroupingRules.DEFAULT.overrides());
        byMessage.forEach(type -> overrides.put(type, new TypeOverride(0, true)));
        String settings = "frames=" + config.groupingFrames() + "\ninclude=" + include + "\nexclude=" + exclude
                + "\nmessage=" + byMessage.stream().sorted().toList() + "\nbase=" + GroupingRules.DEFAULT.id();
        return new GroupingRules(CUSTOM + "-" + sha256(settings).substring(0, 12), 1,
                new InAppRules(include, allExcluded), config.groupingFrames(), overrides);
    }

    private static List<String> clean(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
