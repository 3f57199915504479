package org.alexandria.core.internal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * SHA-256 over an entry's fields and its predecessor's hash. Each field is written as its length and its
 * text, so no two different entries share an input (a null field is written as length -1).
 */
final class AuditHasher {

    static final String GENESIS = "0".repeat(64);

    private AuditHasher() {
    }

    static String hash(AuditEntryEntity e) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, Long.toString(e.seq));
        field(canonical, Long.toString(e.recordedMs));
        field(canonical, e.actorType);
        field(canonical, e.actorName);
        field(canonical, e.action);
        field(canonical, e.entityType);
        field(canonical, e.entityId);
        field(canonical, e.reason);
        field(canonical, e.beforeState);
        field(canonical, e.afterState);
        field(canonical, e.prevHash);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JRE", ex);
        }
    }

    private static void field(StringBuilder out, @Nullable String value) {
        if (value == null) {
            out.append("-1:");
        } else {
            out.append(value.length()).append(':').append(value);
        }
        out.append('|');
    }
}
