package org.alexandria.crash.internal.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.alexandria.crash.internal.normalize.FrameNormalizer;
import org.alexandria.crash.internal.normalize.Messages;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.normalize.Recursion;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.InAppRules;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.StackFrame;
import org.jspecify.annotations.Nullable;

/**
 * Computes fingerprints under one {@link GroupingRules}. For each exception of the causal chain (thrown
 * exception down to the root cause; suppressed exceptions do not count) the components are its type,
 * its normalized message when an override asks for it, and its top in-app frames, normalized with
 * recursion collapsed. In-app is decided by the rules (not by the parser's flag), so a fingerprint
 * depends only on the trace and the rule set. A trace without in-app frames falls back to all frames.
 * Each frame of the chain is classified once and each exception's frames are normalized once per call.
 * Thread-safe.
 */
public final class Fingerprinter {

    private final GroupingRules rules;
    private final FrameNormalizer normalizer = new FrameNormalizer();

    public Fingerprinter(GroupingRules rules) {
        this.rules = rules;
    }

    public GroupingRules rules() {
        return rules;
    }

    /** @return the trace's fingerprint under this fingerprinter's rules */
    public Fingerprint fingerprint(ParsedTrace trace) {
        List<ExceptionInfo> chain = trace.causalChain();
        // each frame of the chain is classified once, and each exception's frames normalized once
        InAppRules inApp = rules.inApp();
        boolean[][] inAppFlags = new boolean[chain.size()][];
        boolean anyInApp = false;
        for (int i = 0; i < chain.size(); i++) {
            List<StackFrame> frames = chain.get(i).frames();
            boolean[] flags = new boolean[frames.size()];
            for (int j = 0; j < flags.length; j++) {
                flags[j] = inApp.isInApp(frames.get(j));
                anyInApp |= flags[j];
            }
            inAppFlags[i] = flags;
        }
        List<List<NormalizedFrame>> collapsed = new ArrayList<>(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            collapsed.add(collapsedFrames(trace, chain.get(i), anyInApp ? inAppFlags[i] : null));
        }
        List<String> components = new ArrayList<>();
        StringBuilder key = new StringBuilder(256).append(rules.id()).append('\n').append(trace.platform());
        for (int i = 0; i < chain.size(); i++) {
            ExceptionInfo e = chain.get(i);
            TypeOverride override = rules.forType(e.type());
            components.add("type:" + e.type());
            if (override.message()) {
                components.add("message:" + Messages.normalize(e.message()));
            }
            List<NormalizedFrame> frames = collapsed.get(i);
            for (int j = 0, n = Math.min(override.frames(), frames.size()); j < n; j++) {
                components.add("frame:" + frames.get(j).key());
            }
        }
        for (String c : components) {
            key.append('\n').append(c);
        }
        return new Fingerprint(sha256(key.toString()), rules.id(), components, signature(chain, collapsed));
    }

    /**
     * @param inAppFlags the frames' in-app flags when only in-app frames count, null when all frames do
     * @return the exception's (in-app) frames, normalized, recursion collapsed
     */
    private List<NormalizedFrame> collapsedFrames(ParsedTrace trace, ExceptionInfo e, boolean @Nullable [] inAppFlags) {
        List<StackFrame> all = e.frames();
        List<NormalizedFrame> frames = new ArrayList<>(all.size());
        for (int j = 0; j < all.size(); j++) {
            if (inAppFlags == null || inAppFlags[j]) {
                frames.add(normalizer.normalize(trace.platform(), all.get(j)));
            }
        }
        return Recursion.collapse(frames);
    }

    /** The root cause's simple type name and the top frame nearest to it: what failed, and where. */
    private static String signature(List<ExceptionInfo> chain, List<List<NormalizedFrame>> collapsed) {
        ExceptionInfo root = chain.get(chain.size() - 1);
        String type = root.type().substring(root.type().lastIndexOf('.') + 1);
        for (int i = chain.size() - 1; i >= 0; i--) {
            List<NormalizedFrame> frames = collapsed.get(i);
            if (!frames.isEmpty()) {
                return type + " at " + frames.get(0).key();
            }
        }
        return type;
    }

    private static String sha256(String key) {
        return HexFormat.of().formatHex(newSha256().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** A prototype digest: cloning it skips the provider look-up of {@link MessageDigest#getInstance}. */
    private static final @Nullable MessageDigest SHA_256 = prototype();

    @Nullable
    private static MessageDigest prototype() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.clone();
            return d;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            return null;
        }
    }

    private static MessageDigest newSha256() {
        try {
            if (SHA_256 != null) {
                return (MessageDigest) SHA_256.clone();
            }
            return MessageDigest.getInstance("SHA-256");
        } catch (CloneNotSupportedException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
