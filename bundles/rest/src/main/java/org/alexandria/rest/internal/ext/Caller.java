package org.alexandria.rest.internal.ext;

import java.security.Principal;
import java.util.Set;
import javax.ws.rs.core.SecurityContext;

/**
 * The authenticated caller of a request.
 *
 * @param name   login name, or {@code token:<name>} for API tokens
 * @param roles  platform roles
 * @param scheme {@code BASIC} or {@code Bearer}
 * @param secure whether the request came over TLS
 */
public record Caller(String name, Set<String> roles, String scheme, boolean secure) implements Principal, SecurityContext {

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Principal getUserPrincipal() {
        return this;
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
