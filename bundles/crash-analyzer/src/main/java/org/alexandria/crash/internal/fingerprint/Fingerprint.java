package org.alexandria.crash.internal.fingerprint;

import java.util.List;

/**
 * The exact grouping key of a trace.
 *
 * @param hash       lower-case hex SHA-256 of the rule set id and the components
 * @param rules      the {@linkplain GroupingRules#id() rule set id} it was computed with
 * @param components what was hashed, one line each ({@code type:...}, {@code frame:...},
 *                   {@code message:...}), for people and for debugging a grouping
 * @param signature  short human-readable title, e.g. {@code NullPointerException at org.acme.Cart.total}
 */
public record Fingerprint(String hash, String rules, List<String> components, String signature) {

    public Fingerprint {
        components = List.copyOf(components);
    }
}
