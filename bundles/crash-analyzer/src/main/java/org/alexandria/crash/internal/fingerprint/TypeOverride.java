package org.alexandria.crash.internal.fingerprint;

/**
 * How exceptions of one type are grouped, instead of the rule set's defaults.
 *
 * @param frames  in-app frames of the exception that count; 0 to group by type (and message) alone
 * @param message true to make the normalized message part of the fingerprint
 */
public record TypeOverride(int frames, boolean message) {

    public TypeOverride {
        if (frames < 0) {
            throw new IllegalArgumentException("frames must be >= 0: " + frames);
        }
    }
}
