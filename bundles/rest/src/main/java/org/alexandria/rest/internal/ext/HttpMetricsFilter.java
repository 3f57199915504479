package org.alexandria.rest.internal.ext;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Histogram;
import java.lang.reflect.Method;
import javax.annotation.Priority;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Times every request and records it by method, route template (e.g. {@code /api/v1/plugins/{id}}, never
 * the raw path, so labels stay bounded) and status; unmatched requests count as route {@code unmatched}.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName("alexandria.http-metrics")
@PreMatching
@Priority(1)
public final class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String START = HttpMetricsFilter.class.getName() + ".start";

    private final Histogram requests = Histogram.build("alexandria_http_request_duration_seconds",
                    "Duration of HTTP requests to the REST API by method, route template and status.")
            .labelNames("method", "route", "status")
            .buckets(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(CollectorRegistry.defaultRegistry);

    @Context
    @Nullable ResourceInfo resourceInfo;

    @Deactivate
    void deactivate() {
        CollectorRegistry.defaultRegistry.unregister(requests);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        if (!(start instanceof Long nanos)) {
            return;
        }
        double seconds = (System.nanoTime() - nanos) / 1e9;
        requests.labels(request.getMethod(), route(), Integer.toString(response.getStatus())).observe(seconds);
    }

    private String route() {
        if (resourceInfo == null) {
            return "unmatched";
        }
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        if (method == null || type == null) {
            return "unmatched";
        }
        return template(type.getAnnotation(Path.class), method.getAnnotation(Path.class));
    }

    static String template(@Nullable Path type, @Nullable Path method) {
        String base = type == null ? "" : type.value();
        String sub = method == null ? "" : method.value();
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
