package org.alexandria.rest.internal.ext;

import java.io.IOException;

/** Thrown by the limited request stream once a body passes the configured maximum. */
final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
        super("Request body is larger than the limit of " + limit + " bytes");
    }
}
