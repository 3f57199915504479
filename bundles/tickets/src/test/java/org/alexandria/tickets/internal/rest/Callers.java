package org.alexandria.tickets.internal.rest;

import java.security.Principal;
import java.util.Set;
import javax.ws.rs.core.SecurityContext;

/** Authenticated callers as the platform's security filter would set them. */
final class Callers {

    private Callers() {
    }

    static SecurityContext as(String name, String... roles) {
        Set<String> granted = Set.of(roles);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return granted.contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "BASIC";
            }
        };
    }
}
