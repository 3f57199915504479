package org.alexandria.api.rest;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by REST resources (or services they call) to answer with an RFC 9457 problem: the platform maps
 * it to {@code application/problem+json} with {@code type = urn:alexandria:problem:<type>}.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Prefix of every problem type URI. */
    public static final String TYPE_PREFIX = "urn:alexandria:problem:";

    private final int status;
    private final String type;
    private final String title;

    /**
     * @param status HTTP status (4xx for caller errors)
     * @param type   stable short type, e.g. {@code validation}, {@code not-found}
     * @param title  short summary that does not change between occurrences
     * @param detail this occurrence's explanation
     */
    public ProblemException(int status, String type, String title, @Nullable String detail) {
        super(detail == null ? title : detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /**
     * @param detail what is wrong with the request
     * @return a 400 validation problem
     */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "validation", "Invalid request", detail);
    }

    /**
     * @param detail what was not found
     * @return a 404 problem
     */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    /** @return HTTP status */
    public int status() {
        return status;
    }

    /** @return short type, without {@link #TYPE_PREFIX} */
    public String type() {
        return type;
    }

    /** @return title */
    public String title() {
        return title;
    }
}
