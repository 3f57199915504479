package org.alexandria.api.kb;

import java.util.List;
import org.alexandria.api.audit.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Suggests knowledge-base articles and lets other plugins contribute new ones; provided by the knowledge-base
 * plugin. Caller errors are {@link IllegalArgumentException}s or {@link org.alexandria.api.rest.ProblemException}s.
 */
@ProviderType
public interface KnowledgeBase {

    /**
     * @param text  what the customer wrote, or a crash group's signature
     * @param limit how many suggestions at most, 1..50
     * @return published articles, best first
     */
    List<Suggestion> suggest(String text, int limit);

    /**
     * Creates an article as a draft, or published at once. Audited and announced like an editor's change.
     *
     * @param article its content
     * @param publish true to publish it at once (then it is suggested), false to leave it a draft for review
     * @param actor   who writes it
     * @return the new article's id
     */
    String create(NewArticle article, boolean publish, Actor actor);
}
