package org.alexandria.core.internal.security;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Row of {@code alx_api_token}. */
@Entity
@Table(name = "alx_api_token")
public class ApiTokenEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "name")
    String name = "";
    @Column(name = "subject")
    String subject = "";
    @Column(name = "roles")
    String roles = "";
    @Column(name = "secret_hash")
    String secretHash = "";
    @Column(name = "created_by")
    String createdBy = "";
    @Column(name = "created_ms")
    long createdMs;
    @Column(name = "revoked_ms")
    @Nullable Long revokedMs;
}
