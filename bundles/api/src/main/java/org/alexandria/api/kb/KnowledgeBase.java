package org.alexandria.api.kb;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Suggests knowledge-base articles; provided by the knowledge-base plugin. */
@ProviderType
public interface KnowledgeBase {

    /**
     * @param text  what the customer wrote, or a crash group's signature
     * @param limit how many suggestions at most, 1..50
     * @return published articles, best first
     */
    List<Suggestion> suggest(String text, int limit);
}
