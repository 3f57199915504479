package org.alexandria.rest.internal.resources;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.alexandria.api.plugin.HealthReport;
import org.alexandria.api.plugin.PluginRegistry;
import org.alexandria.api.rest.PlatformResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/health}: overall status and each plugin's state; open without authentication. */
@Component(service = HealthResource.class)
@PlatformResource
@Path("/api/v1/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final PluginRegistry registry;

    /** @param registry plugin registry */
    @Activate
    public HealthResource(@Reference PluginRegistry registry) {
        this.registry = registry;
    }

    /** @return the platform's health */
    @GET
    @PermitAll
    public HealthReport health() {
        return registry.health();
    }
}
