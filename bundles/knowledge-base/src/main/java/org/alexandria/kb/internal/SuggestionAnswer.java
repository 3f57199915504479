package org.alexandria.kb.internal;

import java.util.List;
import org.alexandria.api.kb.Suggestion;

/**
 * A recorded suggestion: give {@code suggestionId} back with feedback on one of the articles.
 *
 * @param suggestionId id of this answer
 * @param suggestions  published articles, best first
 */
public record SuggestionAnswer(String suggestionId, List<Suggestion> suggestions) {
}
