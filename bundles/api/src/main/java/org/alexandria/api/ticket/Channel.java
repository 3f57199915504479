package org.alexandria.api.ticket;

/** How a ticket arrived. */
public enum Channel {
    /** Email. */
    EMAIL,
    /** Web form or portal. */
    WEB,
    /** REST API or an integration. */
    API,
    /** Phone call, entered by an agent. */
    PHONE
}
