package org.alexandria.api.audit;

import java.util.Objects;

/**
 * Who did something: a person (by login name) or a platform component (by its id).
 *
 * @param type kind of actor
 * @param name login name or component id
 */
public record Actor(Type type, String name) {

    /** Kind of actor. */
    public enum Type {
        /** A person, authenticated through the platform's realm or an API token. */
        USER,
        /** An automated component such as a workflow step. */
        SYSTEM
    }

    /** Requires both fields; the name must not be blank. */
    public Actor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("actor name must not be blank");
        }
    }

    /**
     * @param login the user's login name
     * @return a user actor
     */
    public static Actor user(String login) {
        return new Actor(Type.USER, login);
    }

    /**
     * @param component the component's id
     * @return a system actor
     */
    public static Actor system(String component) {
        return new Actor(Type.SYSTEM, component);
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
