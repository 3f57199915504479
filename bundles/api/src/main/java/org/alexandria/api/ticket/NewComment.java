package org.alexandria.api.ticket;

/**
 * A conversation entry to add.
 *
 * @param body       text, required
 * @param visibility public reply or internal note
 * @param authorType who writes it: a public reply by an {@link AuthorType#AGENT} is the first response; one by
 *                   the {@link AuthorType#CUSTOMER} reopens a solved ticket
 */
public record NewComment(String body, Visibility visibility, AuthorType authorType) {

    /**
     * @param body text
     * @return an internal note by an agent
     */
    public static NewComment note(String body) {
        return new NewComment(body, Visibility.INTERNAL, AuthorType.AGENT);
    }

    /**
     * @param body text
     * @return a public reply by an agent
     */
    public static NewComment reply(String body) {
        return new NewComment(body, Visibility.PUBLIC, AuthorType.AGENT);
    }
}
