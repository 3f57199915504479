package org.alexandria.api.security;

import java.util.Set;

/**
 * The platform's roles, as granted by the Karaf JAAS realm or by an API token. Use them in
 * {@code @RolesAllowed} on REST resources and read them from the JAX-RS {@code SecurityContext}.
 */
public final class Roles {

    /** Runs the platform: plugins, configuration, audit verification, tokens. */
    public static final String ADMIN = "admin";
    /** Leads support teams: approvals, bulk changes, team metrics. */
    public static final String MANAGER = "manager";
    /** Works tickets. */
    public static final String AGENT = "agent";
    /** Reads dashboards and reports. */
    public static final String EXECUTIVE = "executive";

    /** Every platform role. */
    public static final Set<String> ALL = Set.of(ADMIN, MANAGER, AGENT, EXECUTIVE);

    private Roles() {
    }
}
