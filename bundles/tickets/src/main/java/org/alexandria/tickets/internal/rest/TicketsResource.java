package org.alexandria.tickets.internal.rest;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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
import org.alexandria.api.rest.MaxBodySize;
import org.alexandria.api.rest.Page;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.security.Roles;
import org.alexandria.api.ticket.AuthorType;
import org.alexandria.api.ticket.Comment;
import org.alexandria.api.ticket.DuplicateCandidate;
import org.alexandria.api.ticket.LinkType;
import org.alexandria.api.ticket.NewComment;
import org.alexandria.api.ticket.NewTicket;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketLink;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketStatus;
import org.alexandria.api.ticket.TicketUpdate;
import org.alexandria.api.ticket.Visibility;
import org.alexandria.tickets.internal.imports.ImportReport;
import org.alexandria.tickets.internal.imports.TicketImporter;
import org.alexandria.tickets.internal.model.Attachment;
import org.alexandria.tickets.internal.service.TicketService;
import org.alexandria.tickets.internal.store.TicketSearch;
import org.alexandria.tickets.internal.store.TicketStore;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tickets}: tickets, their conversation, attachments, links and duplicates; merge and bulk update.
 * Agents, managers and admins read and write; executives read; merging and bulk updates need a manager or admin.
 */
@Component(service = TicketsResource.class)
@PlatformResource
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
public final class TicketsResource {

    /** Largest page of the ticket list. */
    static final int MAX_LIMIT = 200;
    /**
     * Largest attachment or import body the REST edge lets through: the default {@code maxAttachmentBytes} and
     * {@code importMaxBytes} (5 MiB); the services refuse anything above their configured limits themselves.
     */
    static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;

    private final TicketService tickets;
    private final TicketImporter importer;

    /**
     * @param tickets  the ticket service
     * @param importer the bulk importer
     */
    @Activate
    public TicketsResource(@Reference TicketService tickets, @Reference TicketImporter importer) {
        this.tickets = tickets;
        this.importer = importer;
    }

    /**
     * @param request  the new ticket
     * @param security the caller
     * @return 201 with the ticket and its possible duplicates
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
    public Response create(@Nullable NewTicket request, @Context SecurityContext security) {
        if (request == null) {
            throw ProblemException.badRequest("a ticket is required in the request body");
        }
        TicketService.Created created = tickets.createWithDuplicates(request, Params.actor(security), false);
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/v1/tickets/" + created.ticket().key()).entity(created).build();
    }

    /**
     * @param q            words in the subject, description or key
     * @param status       statuses, comma-separated or repeated
     * @param priority     priority
     * @param assignee     assignee login
     * @param group        group
     * @param tag          tag
     * @param requester    requester (customer) id
     * @param organization organization id
     * @param product      product
     * @param sort         {@code created}, {@code updated}, {@code priority} or {@code key}; {@code -} first for
     *                     descending; default {@code -created}
     * @param cursor       the previous page's nextCursor
     * @param limitParam   page size, 1..200, default 50
     * @return one page of tickets
     */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public Page<Ticket> list(@QueryParam("q") @Nullable String q, @QueryParam("status") @Nullable List<String> status,
            @QueryParam("priority") @Nullable String priority, @QueryParam("assignee") @Nullable String assignee,
            @QueryParam("group") @Nullable String group, @QueryParam("tag") @Nullable String tag,
            @QueryParam("requester") @Nullable String requester,
            @QueryParam("organization") @Nullable String organization, @QueryParam("product") @Nullable String product,
            @QueryParam("sort") @Nullable String sort, @QueryParam("cursor") @Nullable String cursor,
            @QueryParam("limit") @Nullable String limitParam) {
        int limit = Params.limit(limitParam, 50, MAX_LIMIT);
        String sortText = sort == null || sort.isBlank() ? "-created" : sort.strip();
        boolean descending = sortText.startsWith("-");
        TicketSearch.Sort by = switch (sortText.substring(descending ? 1 : 0)) {
            case "created" -> TicketSearch.Sort.CREATED;
            case "updated" -> TicketSearch.Sort.UPDATED;
            case "priority" -> TicketSearch.Sort.PRIORITY;
            case "key" -> TicketSearch.Sort.NUMBER;
            default -> throw ProblemException.badRequest("sort must be created, updated, priority or key, optionally"
                    + " preceded by - for descending; was '" + sort + "'");
        };
        String prefix = "t:" + sortText + ":";
        TicketSearch.Position after = position(Params.decodeCursor(cursor, prefix), cursor);
        TicketSearch search = new TicketSearch(Params.blankToNull(q), Params.enumSet("status", status, TicketStatus.class),
                Params.enumValue("priority", priority, TicketPriority.class), Params.blankToNull(assignee),
                Params.blankToNull(group), Params.blankToNull(tag), Params.blankToNull(requester),
                Params.blankToNull(organization), Params.blankToNull(product), by, descending, after, limit);
        List<Ticket> page = tickets.search(search);
        String next = null;
        if (page.size() == limit) {
            TicketSearch.Position last = TicketStore.position(page.get(page.size() - 1), by);
            next = Params.encodeCursor(prefix + last.value() + ":" + last.number());
        }
        return new Page<>(page, limit, next);
    }

    private static TicketSearch.@Nullable Position position(@Nullable String decoded, @Nullable String cursor) {
        if (decoded == null) {
            return null;
        }
        String[] parts = decoded.split(":");
        try {
            if (parts.length == 2) {
                return new TicketSearch.Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor is not one this API returned for this list: " + cursor);
        }
        throw ProblemException.badRequest("cursor is not one this API returned for this list: " + cursor);
    }

    /**
     * @param key ticket key or id
     * @return the ticket
     */
    @GET
    @Path("{key}")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public Ticket get(@PathParam("key") String key) {
        return tickets.require(key);
    }

    /**
     * @param key      ticket key or id
     * @param patch    JSON merge patch of the fields to change
     * @param security the caller
     * @return the ticket after the change
     */
    @PATCH
    @Path("{key}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
    public Ticket update(@PathParam("key") String key, @Nullable Map<String, @Nullable Object> patch,
            @Context SecurityContext security) {
        return tickets.update(key, TicketPatch.parse(patch), Params.actor(security));
    }

    /**
     * A conversation entry to add.
     *
     * @param body       text
     * @param visibility {@code PUBLIC} reply or {@code INTERNAL} note
     * @param authorType {@code AGENT} (default), {@code CUSTOMER} when relaying the requester's words, or
     *                   {@code SYSTEM}
     */
    public record CommentRequest(@Nullable String body, @Nullable Visibility visibility,
            @Nullable AuthorType authorType) {
    }

    /**
     * @param key      ticket key or id
     * @param request  the entry
     * @param security the caller
     * @return 201 with the stored entry
     */
    @POST
    @Path("{key}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
    public Response comment(@PathParam("key") String key, @Nullable CommentRequest request,
            @Context SecurityContext security) {
        if (request == null || request.visibility() == null) {
            throw ProblemException.badRequest("visibility is required: PUBLIC for a reply, INTERNAL for a note");
        }
        Comment comment = tickets.addComment(key, new NewComment(request.body() == null ? "" : request.body(),
                request.visibility(), request.authorType() == null ? AuthorType.AGENT : request.authorType()),
                Params.actor(security));
        return Response.status(Response.Status.CREATED).entity(comment).build();
    }

    /**
     * @param key ticket key or id
     * @return its conversation, oldest first
     */
    @GET
    @Path("{key}/comments")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public List<Comment> comments(@PathParam("key") String key) {
        return tickets.comments(key);
    }

    /**
     * @param key         ticket key or id
     * @param fileName    the file name
     * @param contentType the file's media type (the request's Content-Type)
     * @param content     the file
     * @param security    the caller
     * @return 201 with the attachment's metadata
     */
    @POST
    @Path("{key}/attachments")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
    @MaxBodySize(MAX_UPLOAD_BYTES)
    public Response attach(@PathParam("key") String key, @QueryParam("fileName") @Nullable String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Nullable String contentType, InputStream content,
            @Context SecurityContext security) {
        if (fileName == null || fileName.isBlank()) {
            throw ProblemException.badRequest("the query parameter fileName is required");
        }
        Attachment attachment = tickets.addAttachment(key, fileName, contentType, content, Params.actor(security));
        return Response.status(Response.Status.CREATED).entity(attachment).build();
    }

    /**
     * @param key ticket key or id
     * @return its attachments' metadata
     */
    @GET
    @Path("{key}/attachments")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public List<Attachment> attachments(@PathParam("key") String key) {
        return tickets.attachments(key);
    }

    /**
     * @param key          ticket key or id
     * @param attachmentId the attachment
     * @return its content, with its media type, as a download
     */
    @GET
    @Path("{key}/attachments/{attachmentId}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public Response attachmentContent(@PathParam("key") String key, @PathParam("attachmentId") String attachmentId) {
        TicketService.AttachmentContent file = tickets.attachmentContent(key, attachmentId);
        String name = file.attachment().fileName();
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return Response.ok(file.content(), file.attachment().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /**
     * A link to add.
     *
     * @param type   {@code DUPLICATE_OF}, {@code RELATED} or {@code INCIDENT_OF}
     * @param target key or id of the target ticket
     */
    public record LinkRequest(@Nullable LinkType type, @Nullable String target) {
    }

    /**
     * @param key      key or id of the source ticket
     * @param request  the link
     * @param security the caller
     * @return 201 with the link (the existing one when the tickets were already linked that way)
     */
    @POST
    @Path("{key}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
    public Response link(@PathParam("key") String key, @Nullable LinkRequest request,
            @Context SecurityContext security) {
        if (request == null || request.type() == null || request.target() == null || request.target().isBlank()) {
            throw ProblemException.badRequest("type and target are required");
        }
        TicketLink link = tickets.link(key, request.type(), request.target(), Params.actor(security));
        return Response.status(Response.Status.CREATED).entity(link).build();
    }

    /**
     * @param key ticket key or id
     * @return links from and to it
     */
    @GET
    @Path("{key}/links")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public List<TicketLink> links(@PathParam("key") String key) {
        return tickets.links(key);
    }

    /**
     * @param key      key or id of either linked ticket
     * @param linkId   the link
     * @param security the caller
     * @return 204
     */
    @DELETE
    @Path("{key}/links/{linkId}")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
    public Response unlink(@PathParam("key") String key, @PathParam("linkId") String linkId,
            @Context SecurityContext security) {
        tickets.unlink(key, linkId, Params.actor(security));
        return Response.noContent().build();
    }

    /**
     * @param key        ticket key or id
     * @param limitParam how many, 1..50, default 10
     * @return other tickets that may report the same thing, most likely first, with scores and explanations
     */
    @GET
    @Path("{key}/duplicates")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public List<DuplicateCandidate> duplicates(@PathParam("key") String key,
            @QueryParam("limit") @Nullable String limitParam) {
        return tickets.duplicatesOf(key, Params.limit(limitParam, 10, 50));
    }

    /**
     * What to merge into.
     *
     * @param target key or id of the ticket that stays
     * @param reason why, for the audit trail and the notes
     */
    public record MergeRequest(@Nullable String target, @Nullable String reason) {
    }

    /**
     * @param key      key or id of the duplicate, which is closed
     * @param request  the target
     * @param security the caller
     * @return the target after the merge
     */
    @POST
    @Path("{key}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public Ticket merge(@PathParam("key") String key, @Nullable MergeRequest request,
            @Context SecurityContext security) {
        if (request == null || request.target() == null || request.target().isBlank()) {
            throw ProblemException.badRequest("target is required");
        }
        return tickets.merge(key, request.target(), Params.actor(security), request.reason());
    }

    /**
     * @param contentType {@code text/csv} or {@code application/json}
     * @param body        the rows
     * @param security    the caller
     * @return the report: tickets created by row, rows that failed with the reason
     */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @MaxBodySize(MAX_UPLOAD_BYTES)
    public ImportReport importTickets(@HeaderParam(HttpHeaders.CONTENT_TYPE) @Nullable String contentType,
            InputStream body, @Context SecurityContext security) {
        TicketImporter.Format format = contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")
                ? TicketImporter.Format.CSV : TicketImporter.Format.JSON;
        return importer.run(format, body, Params.actor(security));
    }

    /**
     * A bulk update.
     *
     * @param tickets keys or ids, 1..500
     * @param changes a ticket merge patch applied to each
     */
    public record BulkRequest(@Nullable List<String> tickets, @Nullable Map<String, @Nullable Object> changes) {
    }

    /**
     * The outcome of a bulk update.
     *
     * @param updated how many tickets were updated
     * @param failed  how many were not
     * @param results one result per ticket, in request order
     */
    public record BulkResponse(int updated, int failed, List<TicketService.BulkResult> results) {
    }

    /**
     * @param request  the tickets and the changes
     * @param security the caller
     * @return per-ticket results
     */
    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public BulkResponse bulk(@Nullable BulkRequest request, @Context SecurityContext security) {
        if (request == null || request.tickets() == null) {
            throw ProblemException.badRequest("tickets and changes are required");
        }
        TicketUpdate update = TicketPatch.parse(request.changes());
        List<TicketService.BulkResult> results = tickets.bulkUpdate(request.tickets(), update, Params.actor(security));
        int updated = (int) results.stream().filter(TicketService.BulkResult::ok).count();
        return new BulkResponse(updated, results.size() - updated, results);
    }
}
