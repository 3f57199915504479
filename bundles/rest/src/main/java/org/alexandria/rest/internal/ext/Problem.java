package org.alexandria.rest.internal.ext;

import com.fasterxml.jackson.annotation.JsonInclude;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.alexandria.api.rest.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * RFC 9457 problem details, the body of every error answer.
 *
 * @param type     {@code urn:alexandria:problem:<slug>}, stable per kind of problem
 * @param title    short summary of the kind of problem
 * @param status   HTTP status
 * @param detail   what is wrong with this request
 * @param instance request path
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance) {

    /** Media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * @param status   HTTP status
     * @param slug     problem type without prefix
     * @param title    title
     * @param detail   detail
     * @param instance request path
     * @return a problem
     */
    public static Problem of(int status, String slug, String title, @Nullable String detail, @Nullable String instance) {
        return new Problem(ProblemException.TYPE_PREFIX + slug, title, status, detail, instance);
    }

    /** @return a response carrying this problem */
    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
