package org.alexandria.rest.internal.resources;

import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.alexandria.api.plugin.PluginInfo;
import org.alexandria.api.plugin.PluginRegistry;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.security.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/plugins}: the plugin registry, for admins and managers. */
@Component(service = PluginsResource.class)
@PlatformResource
@Path("/api/v1/plugins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public final class PluginsResource {

    private final PluginRegistry registry;

    /** @param registry plugin registry */
    @Activate
    public PluginsResource(@Reference PluginRegistry registry) {
        this.registry = registry;
    }

    /** @return every known plugin */
    @GET
    public List<PluginInfo> list() {
        return registry.plugins();
    }

    /**
     * @param id plugin id
     * @return the plugin
     */
    @GET
    @Path("{id}")
    public PluginInfo get(@PathParam("id") String id) {
        return registry.plugin(id).orElseThrow(() -> ProblemException.notFound("No plugin with id '" + id + "'"));
    }
}
