package org.alexandria.tickets.internal.rest;

import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.security.Roles;
import org.alexandria.tickets.internal.sla.SlaPolicy;
import org.alexandria.tickets.internal.sla.SlaService;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/sla-policies}: SLA policies; managers and admins only. */
@Component(service = SlaPoliciesResource.class)
@PlatformResource
@Path("/api/v1/sla-policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public final class SlaPoliciesResource {

    private final SlaService sla;

    /** @param sla the SLA service */
    @Activate
    public SlaPoliciesResource(@Reference SlaService sla) {
        this.sla = sla;
    }

    /** @return every policy in matching order */
    @GET
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public List<SlaPolicy> list() {
        return sla.policies();
    }

    /**
     * @param id policy id
     * @return the policy
     */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public SlaPolicy get(@PathParam("id") String id) {
        return sla.policy(id);
    }

    /**
     * @param input    the policy
     * @param security the caller
     * @return 201 with the policy
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public Response create(SlaService.@Nullable PolicyInput input, @Context SecurityContext security) {
        if (input == null) {
            throw ProblemException.badRequest("a policy is required in the request body");
        }
        SlaPolicy policy = sla.create(input, Params.actor(security));
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/v1/sla-policies/" + policy.id())
                .entity(policy).build();
    }

    /**
     * @param id       policy id
     * @param input    the whole new policy
     * @param security the caller
     * @return the policy after the change
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public SlaPolicy replace(@PathParam("id") String id, SlaService.@Nullable PolicyInput input,
            @Context SecurityContext security) {
        if (input == null) {
            throw ProblemException.badRequest("a policy is required in the request body");
        }
        return sla.replace(id, input, Params.actor(security));
    }

    /**
     * @param id       policy id
     * @param security the caller
     * @return 204
     */
    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        sla.delete(id, Params.actor(security));
        return Response.noContent().build();
    }
}
