package org.alexandria.crash.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.crash.CrashGroupMatch;
import org.alexandria.api.crash.CrashGroupStatus;
import org.alexandria.api.crash.CrashGroupSummary;
import org.alexandria.api.crash.CrashReportSummary;
import org.alexandria.api.rest.Page;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.security.Roles;
import org.alexandria.crash.internal.service.CrashAnalyzerService;
import org.alexandria.crash.internal.store.GroupFilter;
import org.alexandria.crash.internal.store.PageKey;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/crash-groups}: list and read crash groups and their reports, rank groups similar to a trace or
 * matching the words of a text (every role), merge and split groups (managers, admins).
 */
@Component(service = CrashGroupsResource.class)
@PlatformResource
@Path("/api/v1/crash-groups")
@Produces(MediaType.APPLICATION_JSON)
public final class CrashGroupsResource {

    /** Largest page. */
    static final int MAX_LIMIT = 200;
    private static final int MAX_FILTER = 500;
    private static final int MAX_REASON = 1000;

    private final CrashAnalyzerService crashes;

    /** @param crashes the crash analyzer */
    @Activate
    public CrashGroupsResource(@Reference CrashAnalyzerService crashes) {
        this.crashes = crashes;
    }

    /**
     * @return one page of groups
     */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public Page<CrashGroupSummary> list(@QueryParam("app") @Nullable String app, @QueryParam("version") @Nullable String version,
            @QueryParam("exceptionType") @Nullable String exceptionType, @QueryParam("status") @Nullable String status,
            @QueryParam("text") @Nullable String text, @QueryParam("sort") @Nullable String sort,
            @QueryParam("cursor") @Nullable String cursor, @QueryParam("limit") @Nullable String limitParam) {
        int limit = Paging.limit(limitParam, 50, MAX_LIMIT);
        GroupFilter filter = new GroupFilter(status(status), filter("app", app), filter("version", version),
                filter("exceptionType", exceptionType), filter("text", text), sort(sort));
        List<CrashGroupSummary> groups = crashes.groups(filter, Paging.decode(cursor), limit);
        String next = null;
        if (groups.size() == limit) {
            CrashGroupSummary last = groups.get(groups.size() - 1);
            long value = filter.sort() == GroupFilter.Sort.COUNT ? last.reportCount() : last.lastSeen().toEpochMilli();
            next = Paging.encode(new PageKey(value, last.id()));
        }
        return new Page<>(groups, limit, next);
    }

    /**
     * @param id the group's id
     * @return the group with statistics and representative frames
     */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public CrashGroup get(@PathParam("id") String id) {
        return crashes.group(id).orElseThrow(() -> ProblemException.notFound("no crash group " + id));
    }

    /**
     * @param id the group's id
     * @return one page of its reports, newest first
     */
    @GET
    @Path("{id}/reports")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public Page<CrashReportSummary> reports(@PathParam("id") String id, @QueryParam("cursor") @Nullable String cursor,
            @QueryParam("limit") @Nullable String limitParam) {
        int limit = Paging.limit(limitParam, 50, MAX_LIMIT);
        List<CrashReportSummary> reports = crashes.reports(id, Paging.decode(cursor), limit);
        String next = reports.size() == limit ? Paging.encode(CrashAnalyzerService.key(reports.get(reports.size() - 1))) : null;
        return new Page<>(reports, limit, next);
    }

    /**
     * @param id the group to merge
     * @return the target group after the merge
     */
    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public CrashGroup merge(@PathParam("id") String id, Bodies.@Nullable MergeRequest body, @Context SecurityContext security) {
        if (body == null || body.target() == null || body.target().isBlank()) {
            throw ProblemException.badRequest("target is required: the id of the group to merge into");
        }
        return crashes.merge(id, body.target().strip(), actor(security), reason(body.reason()));
    }

    /**
     * @param id the group to split
     * @return 201 with the new group
     */
    @POST
    @Path("{id}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public Response split(@PathParam("id") String id, Bodies.@Nullable SplitRequest body,
            @Context SecurityContext security) {
        if (body == null || body.reportIds() == null || body.reportIds().isEmpty()) {
            throw ProblemException.badRequest("reportIds is required: the reports to move into a new group");
        }
        if (body.reportIds().size() > CrashAnalyzerService.MAX_SPLIT) {
            throw ProblemException.badRequest("at most " + CrashAnalyzerService.MAX_SPLIT + " reports can be split off at once");
        }
        if (body.reportIds().stream().anyMatch(r -> r == null || r.isBlank() || r.length() > 36)) {
            throw ProblemException.badRequest("reportIds must be report ids");
        }
        CrashGroup created = crashes.split(id, body.reportIds(), actor(security), reason(body.reason()));
        return Response.created(URI.create("/api/v1/crash-groups/" + created.id())).entity(created).build();
    }

    /**
     * @return the known groups most similar to the text, best first
     */
    @POST
    @Path("similar")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public List<CrashGroupMatch> similar(Bodies.@Nullable SimilarRequest body) {
        String text = text(body);
        int limit = limit(body);
        return Problems.sized(() -> crashes.match(text, limit));
    }

    /**
     * @return the open groups whose exception types, messages and frame symbols best match the words of the text
     *         (which needs no stack trace), best first
     */
    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public List<CrashGroupMatch> search(Bodies.@Nullable SimilarRequest body) {
        String text = text(body);
        int limit = limit(body);
        return Problems.sized(() -> crashes.search(text, limit));
    }

    private static String text(Bodies.@Nullable SimilarRequest body) {
        if (body == null || body.text() == null) {
            throw ProblemException.badRequest("text is required");
        }
        return body.text();
    }

    private static int limit(Bodies.@Nullable SimilarRequest body) {
        int limit = body == null || body.limit() == null ? 10 : body.limit();
        if (limit < 1 || limit > CrashAnalyzerService.MAX_MATCHES) {
            throw ProblemException.badRequest("limit must be between 1 and " + CrashAnalyzerService.MAX_MATCHES);
        }
        return limit;
    }

    private static Actor actor(SecurityContext security) {
        return Actor.user(security.getUserPrincipal().getName());
    }

    private static @Nullable String reason(@Nullable String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw ProblemException.badRequest("reason must be at most " + MAX_REASON + " characters");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static @Nullable String filter(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER) {
            throw ProblemException.badRequest(name + " must be at most " + MAX_FILTER + " characters");
        }
        return value.strip();
    }

    private static String status(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return CrashGroupStatus.OPEN.name();
        }
        try {
            return CrashGroupStatus.valueOf(value.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status must be one of " + List.of(CrashGroupStatus.values()) + ", was '" + value + "'");
        }
    }

    private static GroupFilter.Sort sort(@Nullable String value) {
        if (value == null || value.isBlank() || value.strip().equals("lastSeen")) {
            return GroupFilter.Sort.LAST_SEEN;
        }
        if (value.strip().equals("count")) {
            return GroupFilter.Sort.COUNT;
        }
        throw ProblemException.badRequest("sort must be count or lastSeen, was '" + value + "'");
    }
}
