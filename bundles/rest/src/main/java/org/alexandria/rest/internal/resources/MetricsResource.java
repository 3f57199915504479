package org.alexandria.rest.internal.resources;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.prometheus.client.hotspot.DefaultExports;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.StreamingOutput;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.security.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code GET /metrics}: Prometheus text exposition (format 0.0.4) of the JVM, HTTP, event and plugin
 * metrics. Needs the admin role; give Prometheus an API token (see the operations guide).
 */
@Component(service = MetricsResource.class)
@PlatformResource
@Path("/metrics")
public final class MetricsResource {

    /** Registers the JVM collectors once per JVM. */
    @Activate
    public MetricsResource() {
        DefaultExports.initialize();
    }

    /** @return the scrape */
    @GET
    @Produces(TextFormat.CONTENT_TYPE_004)
    @RolesAllowed(Roles.ADMIN)
    public StreamingOutput scrape() {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            TextFormat.write004(writer, CollectorRegistry.defaultRegistry.metricFamilySamples());
            writer.flush();
        };
    }
}
