package org.alexandria.rest.internal.ext;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Refuses request bodies above the configured size with 413: at once when Content-Length says so, and
 * while reading for chunked bodies, so no request can make the server buffer an unbounded body.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = RestConfig.PID)
@JaxrsExtension
@JaxrsName("alexandria.body-limit")
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyLimitFilter implements ContainerRequestFilter {

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
        long max = limit;
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
}
