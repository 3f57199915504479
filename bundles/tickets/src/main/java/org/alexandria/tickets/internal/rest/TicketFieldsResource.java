package org.alexandria.tickets.internal.rest;

import java.util.Collection;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.security.Roles;
import org.alexandria.tickets.internal.model.FieldDefinition;
import org.alexandria.tickets.internal.model.FieldType;
import org.alexandria.tickets.internal.service.TicketService;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/ticket-fields}: the custom ticket fields; every role reads, managers and admins define. */
@Component(service = TicketFieldsResource.class)
@PlatformResource
@Path("/api/v1/ticket-fields")
@Produces(MediaType.APPLICATION_JSON)
public final class TicketFieldsResource {

    private final TicketService tickets;

    /** @param tickets the ticket service */
    @Activate
    public TicketFieldsResource(@Reference TicketService tickets) {
        this.tickets = tickets;
    }

    /** @return every custom field, by name */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public Collection<FieldDefinition> list() {
        return tickets.fieldDefinitions();
    }

    /**
     * A field definition.
     *
     * @param label    display name; the field name when absent
     * @param type     STRING, NUMBER, BOOLEAN, DATE or ENUM
     * @param options  the values of an ENUM field
     * @param required whether every new ticket needs a value
     */
    public record FieldRequest(@Nullable String label, @Nullable FieldType type, @Nullable List<String> options,
            @Nullable Boolean required) {
    }

    /**
     * @param name     field name, {@code [a-z][a-z0-9_]*}
     * @param request  the definition
     * @param security the caller
     * @return the definition as stored
     */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public FieldDefinition define(@PathParam("name") String name, @Nullable FieldRequest request,
            @Context SecurityContext security) {
        if (request == null || request.type() == null) {
            throw ProblemException.badRequest("type is required: one of " + List.of(FieldType.values()));
        }
        return tickets.defineField(new FieldDefinition(name, request.label() == null ? name : request.label(),
                request.type(), request.options() == null ? List.of() : request.options(),
                Boolean.TRUE.equals(request.required())), Params.actor(security));
    }
}
