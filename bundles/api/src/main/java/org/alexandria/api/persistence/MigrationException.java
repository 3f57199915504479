package org.alexandria.api.persistence;

/** A migration could not be applied; the database is left at the last fully applied version. */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param cause   the underlying failure, if any
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what went wrong */
    public MigrationException(String message) {
        super(message);
    }
}
