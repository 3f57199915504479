package org.alexandria.crash.internal.rest;

import java.util.function.Supplier;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.crash.internal.service.ContentTooLargeException;

/** The crash analyzer's failures as problems the platform's mapper turns into answers. */
final class Problems {

    private Problems() {
    }

    /** Runs the call; a too large content becomes 413 (the platform would answer an IllegalArgumentException with 400). */
    static <T> T sized(Supplier<T> call) {
        try {
            return call.get();
        } catch (ContentTooLargeException e) {
            throw tooLarge(e.getMessage());
        }
    }

    static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "payload-too-large", "Request body too large", detail);
    }
}
