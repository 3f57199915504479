package org.alexandria.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.persistence.SchemaMigrator;
import org.alexandria.api.security.ApiToken;
import org.alexandria.api.security.ApiTokenService;
import org.alexandria.api.security.IssuedToken;
import org.alexandria.api.security.Roles;
import org.alexandria.core.internal.persistence.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * API tokens in the platform database. A secret is {@code alx_} + 32 random bytes (base64url); only its
 * SHA-256 is stored, so a leaked database does not leak usable tokens. Issuing and revoking are audited.
 */
@Component(service = ApiTokenService.class)
public final class JpaApiTokenService implements ApiTokenService {

    static final String PREFIX = "alx_";

    private final EntityManagerFactory emf;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param emf      core persistence unit
     * @param migrator applies the core schema
     * @param audit    audit trail for issue/revoke
     */
    @Activate
    public JpaApiTokenService(@Reference(target = "(osgi.unit.name=alexandria-core)") EntityManagerFactory emf,
            @Reference SchemaMigrator migrator, @Reference AuditTrail audit) {
        this(emf, migrator, audit, Clock.systemUTC());
    }

    JpaApiTokenService(EntityManagerFactory emf, SchemaMigrator migrator, AuditTrail audit, Clock clock) {
        migrator.migrate("core", JpaApiTokenService.class, "db/migration/core");
        this.emf = emf;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(String name, Set<String> roles, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("token name must be 1..200 characters");
        }
        requireActor(createdBy);
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one role");
        }
        for (String role : roles) {
            if (role == null || !Roles.ALL.contains(role)) {
                throw new IllegalArgumentException("unknown role '" + role + "'; known roles: " + new TreeSet<>(Roles.ALL));
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiTokenEntity e = new ApiTokenEntity();
        e.id = UUID.randomUUID().toString();
        e.name = name.strip();
        e.subject = "token:" + e.name;
        e.roles = String.join(",", new TreeSet<>(roles));
        e.secretHash = sha256(secret);
        e.createdBy = createdBy;
        e.createdMs = clock.millis();
        Transactions.inTransaction(emf, em -> {
            em.persist(e);
            return e;
        });
        audit.append(new AuditRecord(Actor.user(createdBy), "api-token.issue", new EntityRef("api-token", e.id), null, null,
                "name=" + e.name + " roles=" + e.roles));
        return new IssuedToken(toToken(e), secret);
    }

    @Override
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(secret);
        return Transactions.read(emf, em -> em
                .createQuery("SELECT t FROM ApiTokenEntity t WHERE t.secretHash = :hash AND t.revokedMs IS NULL",
                        ApiTokenEntity.class)
                .setParameter("hash", hash).getResultList().stream().findFirst().map(JpaApiTokenService::toToken));
    }

    @Override
    public List<ApiToken> list() {
        return Transactions.read(emf, em -> em
                .createQuery("SELECT t FROM ApiTokenEntity t ORDER BY t.createdMs DESC", ApiTokenEntity.class)
                .getResultList().stream().map(JpaApiTokenService::toToken).toList());
    }

    @Override
    public boolean revoke(String id, String revokedBy) {
        requireActor(revokedBy);
        boolean revoked = Transactions.inTransaction(emf, em -> {
            ApiTokenEntity e = em.find(ApiTokenEntity.class, id);
            if (e == null || e.revokedMs != null) {
                return false;
            }
            e.revokedMs = clock.millis();
            return true;
        });
        if (revoked) {
            audit.append(new AuditRecord(Actor.user(revokedBy), "api-token.revoke", new EntityRef("api-token", id), null,
                    "live", "revoked"));
        }
        return revoked;
    }

    /** Checked before anything is stored, so no change happens without its audit entry. */
    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("the acting user must be named");
        }
    }

    private static ApiToken toToken(ApiTokenEntity e) {
        Set<String> roles = Arrays.stream(e.roles.split(",")).filter(r -> !r.isBlank()).collect(Collectors.toUnmodifiableSet());
        return new ApiToken(e.id, e.name, e.subject, roles, e.createdBy, Instant.ofEpochMilli(e.createdMs),
                e.revokedMs == null ? null : Instant.ofEpochMilli(e.revokedMs));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
