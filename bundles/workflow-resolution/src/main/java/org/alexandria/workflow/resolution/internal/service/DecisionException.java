package org.alexandria.workflow.resolution.internal.service;

/** A resolution request that cannot be served; REST maps the kind to a status, the console prints the message. */
public final class DecisionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** No such ticket. */
        NOT_FOUND,
        /** The request is malformed. */
        INVALID,
        /** The decision does not apply to the resolution as it stands. */
        CONFLICT,
        /** A plugin the decision needs is not installed. */
        UNAVAILABLE
    }

    private final Kind kind;

    /**
     * @param kind    what went wrong
     * @param message for the caller
     */
    public DecisionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }
}
