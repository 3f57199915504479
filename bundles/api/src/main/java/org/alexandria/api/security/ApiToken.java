package org.alexandria.api.security;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An API token for machines, as listed (never with its secret).
 *
 * @param id        token id
 * @param name      label given by the admin who created it
 * @param subject   the principal name requests with this token run as
 * @param roles     roles granted
 * @param createdBy who created it
 * @param created   when
 * @param revoked   when it was revoked, if it was
 */
public record ApiToken(String id, String name, String subject, Set<String> roles, String createdBy,
        Instant created, @Nullable Instant revoked) {
}
