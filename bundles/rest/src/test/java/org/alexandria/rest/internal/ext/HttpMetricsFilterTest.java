package org.alexandria.rest.internal.ext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.prometheus.client.CollectorRegistry;
import java.lang.reflect.Method;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ResourceInfo;
import org.alexandria.rest.internal.resources.AuditResource;
import org.alexandria.rest.internal.resources.PluginsResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class HttpMetricsFilterTest {

    @Path("api/v1/things/")
    static final class SlashyResource {
        @Path("/{id}/")
        public void get() {
        }
    }

    private HttpMetricsFilter filter;

    @AfterEach
    void unregister() {
        if (filter != null) {
            filter.deactivate();
        }
    }

    private static Path path(Class<?> type) {
        return type.getAnnotation(Path.class);
    }

    private static Path path(Class<?> type, String method) throws NoSuchMethodException {
        return type.getMethod(method, method.equals("get") && type == PluginsResource.class
                ? new Class<?>[] {String.class} : new Class<?>[0]).getAnnotation(Path.class);
    }

    @Test
    void joinsClassAndMethodPaths() throws Exception {
        assertThat(HttpMetricsFilter.template(path(PluginsResource.class), path(PluginsResource.class, "get")))
                .isEqualTo("/api/v1/plugins/{id}");
        assertThat(HttpMetricsFilter.template(path(AuditResource.class), path(AuditResource.class, "verify")))
                .isEqualTo("/api/v1/audit/verify");
    }

    @Test
    void methodWithoutPathIsTheClassPath() {
        assertThat(HttpMetricsFilter.template(path(PluginsResource.class), null)).isEqualTo("/api/v1/plugins");
    }

    @Test
    void missingAndDoubledSlashesAreNormalised() throws Exception {
        assertThat(HttpMetricsFilter.template(path(SlashyResource.class), path(SlashyResource.class, "get")))
                .isEqualTo("/api/v1/things/{id}");
        assertThat(HttpMetricsFilter.template(null, null)).isEqualTo("/");
    }

    @Test
    void recordsTheRouteTemplateNotTheRawPath() throws Exception {
        filter = new HttpMetricsFilter();
        ResourceInfo info = mock(ResourceInfo.class);
        Method get = PluginsResource.class.getMethod("get", String.class);
        when(info.getResourceMethod()).thenReturn(get);
        doReturn(PluginsResource.class).when(info).getResourceClass();
        filter.resourceInfo = info;

        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getMethod()).thenReturn("GET");
        filter.filter(request);
        ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);
        ArgumentCaptor<Object> start = ArgumentCaptor.forClass(Object.class);
        verify(request).setProperty(key.capture(), start.capture());
        when(request.getProperty(key.getValue())).thenReturn(start.getValue());
        ContainerResponseContext response = mock(ContainerResponseContext.class);
        when(response.getStatus()).thenReturn(404);

        filter.filter(request, response);

        assertThat(count("GET", "/api/v1/plugins/{id}", "404")).isEqualTo(1.0);
    }

    @Test
    void unmatchedRequestsShareOneRoute() {
        filter = new HttpMetricsFilter();
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getMethod()).thenReturn("POST");
        when(request.getProperty(any())).thenReturn(System.nanoTime());
        ContainerResponseContext response = mock(ContainerResponseContext.class);
        when(response.getStatus()).thenReturn(404);

        filter.filter(request, response);

        assertThat(count("POST", "unmatched", "404")).isEqualTo(1.0);
    }

    private static Double count(String method, String route, String status) {
        return CollectorRegistry.defaultRegistry.getSampleValue("alexandria_http_request_duration_seconds_count",
                new String[] {"method", "route", "status"}, new String[] {method, route, status});
    }
}
