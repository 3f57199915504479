package org.alexandria.crash.internal.service;

/** A crash report's content is larger than the configured limit; the REST edge answers 413. */
public final class ContentTooLargeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param size  the content's size
     * @param limit the limit
     */
    public ContentTooLargeException(long size, long limit) {
        super("crash report content of " + size + " characters is larger than the limit of " + limit);
    }
}
