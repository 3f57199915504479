package org.alexandria.rest.internal.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Set;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.security.ApiToken;
import org.alexandria.api.security.ApiTokenService;
import org.alexandria.api.security.IssuedToken;
import org.alexandria.api.security.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/tokens}: API tokens for machines (Prometheus, integrations); admins only. */
@Component(service = TokensResource.class)
@PlatformResource
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class TokensResource {

    private final ApiTokenService tokens;

    /** @param tokens token service */
    @Activate
    public TokensResource(@Reference ApiTokenService tokens) {
        this.tokens = tokens;
    }

    /**
     * Body of {@code POST /api/v1/tokens}.
     *
     * @param name  label
     * @param roles roles to grant
     */
    public record NewToken(@JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "roles", required = true) Set<String> roles) {
    }

    /** @return all tokens without secrets */
    @GET
    public List<ApiToken> list() {
        return tokens.list();
    }

    /**
     * @param request name and roles
     * @param caller  the admin
     * @return 201 with the token and its secret, shown only this once
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(NewToken request, @Context SecurityContext caller) {
        if (request == null) {
            throw ProblemException.badRequest("a JSON body with name and roles is required");
        }
        IssuedToken issued = tokens.issue(request.name(), request.roles(), caller.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    /**
     * @param id     token id
     * @param caller the admin
     * @return 204, or 404 when no live token has that id
     */
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext caller) {
        if (!tokens.revoke(id, caller.getUserPrincipal().getName())) {
            throw ProblemException.notFound("No live token with id '" + id + "'");
        }
        return Response.noContent().build();
    }
}
