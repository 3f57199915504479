package org.alexandria.api.ticket;

import org.jspecify.annotations.Nullable;

/**
 * Where the requester's problem happens.
 *
 * @param os     operating system and version, e.g. {@code Android 14}
 * @param device device model, e.g. {@code Pixel 8}
 */
public record Environment(@Nullable String os, @Nullable String device) {

    /** No known environment. */
    public static final Environment UNKNOWN = new Environment(null, null);
}
