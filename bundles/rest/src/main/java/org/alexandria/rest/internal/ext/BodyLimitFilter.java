package org.alexandria.rest.internal.ext;

import java.lang.reflect.Method;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import org.alexandria.api.rest.MaxBodySize;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Refuses request bodies above the limit of the matched resource method with 413: at once when Content-Length
 * says so, and while reading for chunked bodies, so no request can make the server buffer an unbounded body.
 * The limit is the method's (or its class's) {@link MaxBodySize}, else the configured {@code maxBodyBytes}.
 *
 * <p>Post-matching, so that the resource method is known; JAX-RS reads the body only after the post-matching
 * filters, so the early refusal and the streaming limit still apply before any byte of the body is consumed.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = RestConfig.PID)
@JaxrsExtension
@JaxrsName("alexandria.body-limit")
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyLimitFilter implements ContainerRequestFilter {

    @Context
    @Nullable ResourceInfo resourceInfo;

    private volatile long limit;

    /** @param config configuration */
    @Activate
    public BodyLimitFilter(RestConfig config) {
        this.limit = config.maxBodyBytes();
    }

    @Modified
    void modified(RestConfig config) {
        this.limit = config.maxBodyBytes();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long max = limitOf(resourceInfo, limit);
        if (request.getLength() > max) {
            request.abortWith(Problem.of(413, "payload-too-large", "Request body too large",
                    "Request body of " + request.getLength() + " bytes is larger than the limit of " + max + " bytes",
                    "/" + request.getUriInfo().getPath()).toResponse());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), max));
        }
    }

    /** The method's {@link MaxBodySize}, else its class's, else the default; a value below 1 is ignored. */
    static long limitOf(@Nullable ResourceInfo resource, long defaultLimit) {
        if (resource == null) {
            return defaultLimit;
        }
        Method method = resource.getResourceMethod();
        MaxBodySize size = method == null ? null : method.getAnnotation(MaxBodySize.class);
        Class<?> type = resource.getResourceClass();
        if (size == null && type != null) {
            size = type.getAnnotation(MaxBodySize.class);
        }
        return size == null || size.value() < 1 ? defaultLimit : size.value();
    }
}
