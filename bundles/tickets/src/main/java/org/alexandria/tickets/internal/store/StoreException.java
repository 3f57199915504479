package org.alexandria.tickets.internal.store;

/** A database failure the caller cannot fix (answered with 500); constraint violations are mapped before. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was being done
     * @param cause   the database error
     */
    public StoreException(String message, RuntimeException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    /** @param message what went wrong */
    public StoreException(String message) {
        super(message);
    }
}
