package org.alexandria.tickets.internal.rest;

import org.alexandria.api.rest.ProblemException;
import org.alexandria.tickets.internal.store.CustomerStore;
import org.jspecify.annotations.Nullable;

/** Cursors of lists ordered by name, then id. */
final class NamePages {

    private static final String PREFIX = "n:";

    private NamePages() {
    }

    static String cursor(String name, String id) {
        return Params.encodeCursor(PREFIX + id + ":" + name);
    }

    static CustomerStore.@Nullable After after(@Nullable String cursor) {
        String decoded = Params.decodeCursor(cursor, PREFIX);
        if (decoded == null) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw ProblemException.badRequest("cursor is not one this API returned for this list: " + cursor);
        }
        return new CustomerStore.After(decoded.substring(colon + 1), decoded.substring(0, colon));
    }
}
