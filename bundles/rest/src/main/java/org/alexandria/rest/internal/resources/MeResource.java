package org.alexandria.rest.internal.resources;

import java.util.Set;
import java.util.TreeSet;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.security.Roles;
import org.osgi.service.component.annotations.Component;

/** {@code GET /api/v1/me}: who the caller is and which roles they hold; any platform user. */
@Component(service = MeResource.class)
@PlatformResource
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public final class MeResource {

    /**
     * @param name   login name
     * @param roles  platform roles
     * @param scheme how the caller authenticated
     */
    public record Me(String name, Set<String> roles, String scheme) {
    }

    /**
     * @param security the caller
     * @return the caller
     */
    @GET
    public Me me(@Context SecurityContext security) {
        Set<String> roles = new TreeSet<>();
        Roles.ALL.stream().filter(security::isUserInRole).forEach(roles::add);
        return new Me(security.getUserPrincipal().getName(), roles, security.getAuthenticationScheme());
    }
}
