package org.alexandria.samples.hello.internal;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.security.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/samples/hello}: greets the caller; agents and admins only. */
@Component(service = HelloResource.class)
@PlatformResource
@Path("/api/v1/samples/hello")
@Produces(MediaType.APPLICATION_JSON)
public final class HelloResource {

    private final HelloPlugin plugin;

    /** @param plugin the plugin component */
    @Activate
    public HelloResource(@Reference HelloPlugin plugin) {
        this.plugin = plugin;
    }

    /**
     * @param security the caller
     * @return a greeting
     */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.ADMIN})
    public HelloPlugin.Greeting hello(@Context SecurityContext security) {
        return plugin.greet(security.getUserPrincipal().getName());
    }
}
