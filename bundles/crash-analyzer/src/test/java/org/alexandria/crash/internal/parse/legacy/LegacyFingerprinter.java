package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.StackFrame;

/**
 * FROZEN COPY of the fingerprinter before the throughput work, kept only to prove the optimised code gives
 * byte-identical results (see EquivalenceTest). Do not change.
 *
 * Computes fingerprints under one {@link GroupingRules}. For each exception of the causal chain (thrown
 * exception down to the root cause; suppressed exceptions do not count) the components are its type,
 * its normalized message when an override asks for it, and its top in-app frames, normalized with
 * recursion collapsed. In-app is decided by the rules (not by the parser's flag), so a fingerprint
 * depends only on the trace and the rule set. A trace without in-app frames falls back to all frames.
 * Thread-safe.
 */
public final class LegacyFingerprinter {

    private final GroupingRules rules;
    private final LegacyFrameNormalizer normalizer = new LegacyFrameNormalizer();

    private final LegacyInAppRules inApp;

    public LegacyFingerprinter(GroupingRules rules) {
        this.rules = rules;
        this.inApp = new LegacyInAppRules(rules.inApp().include(), rules.inApp().exclude());
    }

    public GroupingRules rules() {
        return rules;
    }

    /** @return the trace's fingerprint under this fingerprinter's rules */
    public Fingerprint fingerprint(ParsedTrace trace) {
        List<ExceptionInfo> chain = trace.causalChain();
        boolean anyInApp = chain.stream().flatMap(e -> e.frames().stream()).anyMatch(inApp::isInApp);
        List<String> components = new ArrayList<>();
        for (ExceptionInfo e : chain) {
            TypeOverride override = rules.forType(e.type());
            components.add("type:" + e.type());
            if (override.message()) {
                components.add("message:" + LegacyMessages.normalize(e.message()));
            }
            for (NormalizedFrame f : frames(trace, e, anyInApp, override.frames())) {
                components.add("frame:" + f.key());
            }
        }
        return new Fingerprint(sha256(rules.id() + "\n" + trace.platform() + "\n" + String.join("\n", components)),
                rules.id(), components, signature(trace, anyInApp));
    }

    private List<NormalizedFrame> frames(ParsedTrace trace, ExceptionInfo e, boolean inAppOnly, int limit) {
        List<NormalizedFrame> frames = new ArrayList<>();
        for (StackFrame f : e.frames()) {
            if (!inAppOnly || inApp.isInApp(f)) {
                frames.add(normalizer.normalize(trace.platform(), f));
            }
        }
        List<NormalizedFrame> collapsed = LegacyRecursion.collapse(frames);
        return collapsed.subList(0, Math.min(limit, collapsed.size()));
    }

    /** The root cause's simple type name and the top frame nearest to it: what failed, and where. */
    private String signature(ParsedTrace trace, boolean inAppOnly) {
        List<ExceptionInfo> chain = trace.causalChain();
        ExceptionInfo root = chain.get(chain.size() - 1);
        String type = root.type().substring(root.type().lastIndexOf('.') + 1);
        for (int i = chain.size() - 1; i >= 0; i--) {
            List<NormalizedFrame> top = frames(trace, chain.get(i), inAppOnly, 1);
            if (!top.isEmpty()) {
                return type + " at " + top.get(0).key();
            }
        }
        return type;
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
