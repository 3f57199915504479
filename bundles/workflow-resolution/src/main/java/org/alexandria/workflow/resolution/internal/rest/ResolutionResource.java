package org.alexandria.workflow.resolution.internal.rest;

import java.util.Locale;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.security.Roles;
import org.alexandria.workflow.resolution.internal.ResolutionWorkflow;
import org.alexandria.workflow.resolution.internal.model.DecisionAction;
import org.alexandria.workflow.resolution.internal.model.Resolution;
import org.alexandria.workflow.resolution.internal.service.DecisionException;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tickets/{key}/resolution}: the workflow's proposal for a ticket, and agents' decisions on it.
 * Served by the workflow plugin beside the tickets plugin's own {@code /api/v1/tickets} resource; it goes
 * away with the workflow, the tickets' endpoints stay.
 */
@Component(service = ResolutionResource.class)
@PlatformResource
@Path("/api/v1/tickets/{key}/resolution")
@Produces(MediaType.APPLICATION_JSON)
public final class ResolutionResource {

    private final ResolutionWorkflow workflow;

    /** @param workflow the workflow */
    @Activate
    public ResolutionResource(@Reference ResolutionWorkflow workflow) {
        this.workflow = workflow;
    }

    /**
     * {@code POST .../decisions} body.
     *
     * @param action  ACCEPT, REJECT or RELINK
     * @param groupId the crash group, for RELINK
     * @param reason  why, optional, at most 2,000 characters
     */
    public record DecisionRequest(@Nullable String action, @Nullable String groupId, @Nullable String reason) {
    }

    /**
     * @param id a ticket id or key
     * @return its resolution; PENDING while the workflow has not processed it
     */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
    public Resolution get(@PathParam("key") String id) {
        try {
            return workflow.service().resolution(id);
        } catch (DecisionException e) {
            throw problem(e);
        }
    }

    /**
     * @param id       a ticket id or key
     * @param request  the decision
     * @param security the caller
     * @return the resolution after the decision
     */
    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
    public Resolution decide(@PathParam("key") String id, @Nullable DecisionRequest request, @Context SecurityContext security) {
        if (request == null || request.action() == null || request.action().isBlank()) {
            throw ProblemException.badRequest("a JSON body with action ACCEPT, REJECT or RELINK is required");
        }
        DecisionAction action;
        try {
            action = DecisionAction.valueOf(request.action().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("action must be ACCEPT, REJECT or RELINK, not " + request.action());
        }
        try {
            return workflow.service().decide(id, action, request.groupId() == null ? null : request.groupId().strip(),
                    request.reason(), Actor.user(security.getUserPrincipal().getName()));
        } catch (DecisionException e) {
            throw problem(e);
        }
    }

    private static ProblemException problem(DecisionException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ProblemException.notFound(e.getMessage());
            case INVALID -> ProblemException.badRequest(e.getMessage());
            case CONFLICT -> new ProblemException(409, "conflict", "Decision does not apply", e.getMessage());
            case UNAVAILABLE -> new ProblemException(503, "unavailable", "Analysis unavailable", e.getMessage());
        };
    }
}
