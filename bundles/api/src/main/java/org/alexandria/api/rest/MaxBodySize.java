package org.alexandria.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a resource method (or every method of a resource class) accepts, in bytes,
 * instead of the platform default ({@code maxBodyBytes} of the REST configuration, 1 MiB).
 *
 * <p>The platform enforces it at the edge before the method runs: a {@code Content-Length} above it is
 * refused with 413 ({@code application/problem+json}) without reading the body, and a body sent without a
 * length (chunked) fails with 413 as soon as more bytes are read. Nothing is buffered on the method's behalf:
 * take the body as an {@link java.io.InputStream} to stream it. A method annotation wins over its class's.
 *
 * <pre>{@code
 * @POST
 * @MaxBodySize(10 * 1024 * 1024)
 * public Response upload(InputStream body) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface MaxBodySize {

    /** @return the largest accepted body in bytes, at least 1 */
    long value();
}
