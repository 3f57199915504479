package org.alexandria.kb.internal.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.security.Roles;
import org.alexandria.kb.internal.KnowledgeBaseService;
import org.alexandria.kb.internal.SuggestionAnswer;
import org.alexandria.kb.internal.search.SearchHit;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/kb/search}, {@code /suggest} and {@code /index/rebuild}. */
@Component(service = KbSearchResource.class)
@PlatformResource
@Path("/api/v1/kb")
@Produces(MediaType.APPLICATION_JSON)
public final class KbSearchResource {

    /** Default number of search hits. */
    static final int DEFAULT_HITS = 20;

    private final KnowledgeBaseService kb;

    /** @param kb the knowledge base */
    @Activate
    public KbSearchResource(@Reference KnowledgeBaseService kb) {
        this.kb = kb;
    }

    /**
     * Body of suggest.
     *
     * @param text  the ticket's text
     * @param limit how many suggestions, 1..50
     */
    public record SuggestBody(@JsonProperty(value = "text", required = true) String text,
            @JsonProperty("limit") @Nullable Integer limit) {
    }

    /** @return hits with highlighted passages, best first */
    @GET
    @Path("search")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public List<SearchHit> search(@QueryParam("q") @Nullable String q, @QueryParam("tag") @Nullable String tag,
            @QueryParam("product") @Nullable String product, @QueryParam("status") @Nullable String status,
            @QueryParam("limit") @Nullable String limit) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("q is required");
        }
        return kb.search(q, Params.statuses(status), Params.optional(tag), Params.optional(product),
                Params.number("limit", limit, DEFAULT_HITS, KnowledgeBaseService.MAX_HITS));
    }

    /** @return published articles for the text, with the id to give feedback on */
    @POST
    @Path("suggest")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER, Roles.ADMIN, Roles.EXECUTIVE})
    public SuggestionAnswer suggest(@Nullable SuggestBody body, @Context SecurityContext caller) {
        SuggestBody b = ArticlesResource.require(body);
        int limit = b.limit() == null ? kb.defaultSuggestions() : b.limit();
        if (limit < 1 || limit > KnowledgeBaseService.MAX_SUGGESTIONS) {
            throw ProblemException.badRequest("limit must be between 1 and " + KnowledgeBaseService.MAX_SUGGESTIONS);
        }
        return kb.suggestAndRecord(b.text(), limit, ArticlesResource.user(caller));
    }

    /** @return the number of articles indexed */
    @POST
    @Path("index/rebuild")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Integer> rebuild(@Context SecurityContext caller) {
        return Map.of("articles", kb.rebuildIndex(ArticlesResource.user(caller)));
    }
}
