package org.alexandria.kb.internal.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.rest.Page;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.security.Roles;
import org.alexandria.kb.internal.KnowledgeBaseService;
import org.alexandria.kb.internal.article.ArticleInput;
import org.alexandria.kb.internal.article.ArticleQuery;
import org.alexandria.kb.internal.article.ArticleRules;
import org.alexandria.kb.internal.article.ArticleVersionView;
import org.alexandria.kb.internal.article.ArticleView;
import org.alexandria.kb.internal.article.FeedbackInput;
import org.alexandria.kb.internal.article.FeedbackView;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/kb/articles}: everyone with a role reads; agents also give feedback; managers and admins
 * write, publish, archive and delete.
 */
@Component(service = ArticlesResource.class)
@PlatformResource
@Path("/api/v1/kb/articles")
@Produces(MediaType.APPLICATION_JSON)
public final class ArticlesResource {

    /** Default page size of the list. */
    static final int DEFAULT_LIMIT = 20;

    private final KnowledgeBaseService kb;

    /** @param kb the knowledge base */
    @Activate
    public ArticlesResource(@Reference KnowledgeBaseService kb) {
        this.kb = kb;
    }

    /**
     * Body of create and update.
     *
     * @param title     required
     * @param body      Markdown, empty when absent
     * @param tags      tags
     * @param product   product
     * @param questions example customer questions
     * @param slug      URL name; derived from the title when absent on create, kept when absent on update
     */
    public record ArticleBody(@JsonProperty(value = "title", required = true) String title,
            @JsonProperty("body") @Nullable String body, @JsonProperty("tags") @Nullable List<String> tags,
            @JsonProperty("product") @Nullable String product,
            @JsonProperty("questions") @Nullable List<String> questions, @JsonProperty("slug") @Nullable String slug) {

        ArticleInput toInput() {
            return new ArticleInput(title, body == null ? "" : body, tags, product, questions, slug);
        }
    }

    /**
     * Body of feedback.
     *
     * @param helpful      required
     * @param suggestionId the suggestion answer the article came from
     * @param comment      free text
     */
    public record FeedbackBody(@JsonProperty(value = "helpful", required = true) Boolean helpful,
            @JsonProperty("suggestionId") @Nullable String suggestionId,
            @JsonProperty("comment") @Nullable String comment) {
    }

    /** @return 201 with the new draft */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public Response create(@Nullable ArticleBody body, @Context SecurityContext caller) {
        ArticleView created = kb.create(require(body).toInput(), user(caller));
        return Response.created(URI.create("/api/v1/kb/articles/" + created.id())).entity(created).build();
    }

    /** @return a page of articles, newest first */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public Page<ArticleView> list(@QueryParam("status") @Nullable String status, @QueryParam("tag") @Nullable String tag,
            @QueryParam("product") @Nullable String product, @QueryParam("limit") @Nullable String limit,
            @QueryParam("cursor") @Nullable String cursor) {
        return kb.list(new ArticleQuery(Params.status(status), Params.optional(tag), Params.optional(product),
                Params.number("limit", limit, DEFAULT_LIMIT, ArticleRules.MAX_PAGE), Params.optional(cursor)));
    }

    /** @return the article, by id or slug */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public ArticleView get(@PathParam("id") String id) {
        return kb.get(id);
    }

    /** @return the article's new state, as a new version */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public ArticleView update(@PathParam("id") String id, @Nullable ArticleBody body, @Context SecurityContext caller) {
        return kb.update(id, require(body).toInput(), user(caller));
    }

    /** @return 204 */
    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public Response delete(@PathParam("id") String id, @Context SecurityContext caller) {
        kb.delete(id, user(caller));
        return Response.noContent().build();
    }

    /** @return every version, oldest first */
    @GET
    @Path("{id}/versions")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public List<ArticleVersionView> versions(@PathParam("id") String id) {
        return kb.versions(id);
    }

    /** @return one version */
    @GET
    @Path("{id}/versions/{version}")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public ArticleVersionView version(@PathParam("id") String id, @PathParam("version") String version) {
        return kb.version(id, Params.number("version", version, 1, Integer.MAX_VALUE));
    }

    /** @return the published article */
    @POST
    @Path("{id}/publish")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public ArticleView publish(@PathParam("id") String id, @Context SecurityContext caller) {
        return kb.publish(id, user(caller));
    }

    /** @return the archived article */
    @POST
    @Path("{id}/archive")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    public ArticleView archive(@PathParam("id") String id, @Context SecurityContext caller) {
        return kb.archive(id, user(caller));
    }

    /** @return 201 with the stored feedback */
    @POST
    @Path("{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN})
    public Response feedback(@PathParam("id") String id, @Nullable FeedbackBody body, @Context SecurityContext caller) {
        FeedbackBody b = require(body);
        FeedbackView stored = kb.feedback(id, new FeedbackInput(b.helpful(), Params.optional(b.suggestionId()),
                b.comment()), user(caller));
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    /** @return the article's feedback, oldest first */
    @GET
    @Path("{id}/feedback")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public List<FeedbackView> feedbackOf(@PathParam("id") String id) {
        return kb.feedbackOf(id);
    }

    static <T> T require(@Nullable T body) {
        if (body == null) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        return body;
    }

    static String user(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }
}
