package org.alexandria.api.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** Issues, checks and revokes API tokens; secrets are stored as SHA-256 hashes only. */
@ProviderType
public interface ApiTokenService {

    /**
     * @param name      label
     * @param roles     roles to grant, a subset of {@link Roles#ALL}
     * @param createdBy the admin creating it
     * @return the token and its secret
     * @throws IllegalArgumentException on an empty name or an unknown role
     */
    IssuedToken issue(String name, Set<String> roles, String createdBy);

    /**
     * @param secret a bearer secret
     * @return the live (not revoked) token it belongs to
     */
    Optional<ApiToken> authenticate(String secret);

    /** @return all tokens, newest first */
    List<ApiToken> list();

    /**
     * @param id        token id
     * @param revokedBy who revokes it
     * @return false if no such live token exists
     */
    boolean revoke(String id, String revokedBy);
}
