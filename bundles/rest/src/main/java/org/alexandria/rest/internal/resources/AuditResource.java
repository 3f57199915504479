package org.alexandria.rest.internal.resources;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.AuditVerification;
import org.alexandria.api.rest.Page;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.security.Roles;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/audit}: query the audit trail (admins, managers; agents only a ticket's timeline) and verify its
 * hash chain (admins).
 */
@Component(service = AuditResource.class)
@PlatformResource
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

    private final AuditTrail audit;

    /** @param audit the audit trail */
    @Activate
    public AuditResource(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * @param entityType filter by entity type
     * @param entityId   filter by entity id (needs entityType)
     * @param actor      filter by actor name
     * @param from       ISO-8601 instant, inclusive
     * @param to         ISO-8601 instant, exclusive
     * @param cursor     the previous page's nextCursor
     * @param limit      page size, 1..1000
     * @return one page of entries, oldest first
     */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    public Page<AuditEntry> query(@Context SecurityContext caller, @QueryParam("entityType") @Nullable String entityType,
            @QueryParam("entityId") @Nullable String entityId, @QueryParam("actor") @Nullable String actor,
            @QueryParam("from") @Nullable String from, @QueryParam("to") @Nullable String to,
            @QueryParam("cursor") @Nullable String cursor, @QueryParam("limit") @Nullable String limitParam) {
        int limit = Pagination.limit(limitParam, 50, AuditQuery.MAX_LIMIT);
        if (entityId != null && entityType == null) {
            throw ProblemException.badRequest("entityId needs entityType");
        }
        if (!caller.isUserInRole(Roles.ADMIN) && !caller.isUserInRole(Roles.MANAGER)
                && (!"ticket".equals(entityType) || entityId == null)) {
            // agents work tickets: they read one ticket's timeline, not the whole trail
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "agents may read the audit entries of one ticket: entityType=ticket&entityId=<key>");
        }
        AuditQuery query = new AuditQuery(entityType, entityId, actor, instant("from", from), instant("to", to),
                Cursors.decodeLong(cursor), limit);
        List<AuditEntry> entries = audit.query(query);
        String next = entries.size() == limit ? Cursors.encodeLong(entries.get(entries.size() - 1).sequence()) : null;
        return new Page<>(entries, limit, next);
    }

    /** @return the result of verifying the whole hash chain */
    @GET
    @Path("verify")
    @RolesAllowed(Roles.ADMIN)
    public AuditVerification verify() {
        return audit.verify();
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z: " + value);
        }
    }
}
