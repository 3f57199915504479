package org.alexandria.api.ticket;

/** Who can read a conversation entry. */
public enum Visibility {
    /** A reply the requester sees. */
    PUBLIC,
    /** An internal note for agents only. */
    INTERNAL
}
