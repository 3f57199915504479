package org.alexandria.tickets.internal.rest;

import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.rest.Page;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.security.Roles;
import org.alexandria.tickets.internal.model.Organization;
import org.alexandria.tickets.internal.service.CustomerService;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/organizations}: every platform role reads; managers and admins create, change and delete. */
@Component(service = OrganizationsResource.class)
@PlatformResource
@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
public final class OrganizationsResource {

    private final CustomerService customers;

    /** @param customers the customer and organization service */
    @Activate
    public OrganizationsResource(@Reference CustomerService customers) {
        this.customers = customers;
    }

    /**
     * @param q          part of the name
     * @param cursor     the previous page's nextCursor
     * @param limitParam page size, 1..200, default 50
     * @return one page ordered by name
     */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public Page<Organization> list(@QueryParam("q") @Nullable String q, @QueryParam("cursor") @Nullable String cursor,
            @QueryParam("limit") @Nullable String limitParam) {
        int limit = Params.limit(limitParam, 50, 200);
        List<Organization> page = customers.organizations(Params.blankToNull(q), NamePages.after(cursor), limit);
        return new Page<>(page, limit, page.size() == limit
                ? NamePages.cursor(page.get(page.size() - 1).name(), page.get(page.size() - 1).id()) : null);
    }

    /**
     * @param id organization id
     * @return the organization
     */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public Organization get(@PathParam("id") String id) {
        return customers.organization(id).orElseThrow(() -> ProblemException.notFound("organization " + id + " not found"));
    }

    /**
     * @param input    the organization
     * @param security the caller
     * @return 201 with the organization
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public Response create(CustomerService.@Nullable OrganizationInput input, @Context SecurityContext security) {
        if (input == null) {
            throw ProblemException.badRequest("a organization is required in the request body");
        }
        Organization organization = customers.createOrganization(input, Params.actor(security));
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/v1/organizations/" + organization.id())
                .entity(organization).build();
    }

    /**
     * @param id       organization id
     * @param input    fields to change: null keeps, empty text clears, lists and maps replace
     * @param security the caller
     * @return the organization after the change
     */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public Organization update(@PathParam("id") String id, CustomerService.@Nullable OrganizationInput input,
            @Context SecurityContext security) {
        if (input == null) {
            throw ProblemException.badRequest("the changes are required in the request body");
        }
        return customers.updateOrganization(id, input, Params.actor(security));
    }

    /**
     * @param id       organization id; an organization with customers or tickets cannot be deleted
     * @param security the caller
     * @return 204
     */
    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        customers.deleteOrganization(id, Params.actor(security));
        return Response.noContent().build();
    }
}
