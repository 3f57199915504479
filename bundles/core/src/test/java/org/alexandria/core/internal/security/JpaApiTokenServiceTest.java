package org.alexandria.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.security.ApiToken;
import org.alexandria.api.security.IssuedToken;
import org.alexandria.api.security.Roles;
import org.alexandria.core.internal.TestClock;
import org.alexandria.core.internal.audit.JpaAuditTrail;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link JpaApiTokenService} with the real audit trail, against embedded H2 and PostgreSQL. */
class JpaApiTokenServiceTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(TestDatabase.Kind.POSTGRES);
        }
    }

    abstract static class Contract {
        private final TestDatabase.Kind kind;
        final TestClock clock = new TestClock();
        TestDatabase db;
        JpaAuditTrail audit;
        JpaApiTokenService tokens;

        Contract(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeEach
        void createService() {
            db = kind.create();
            var emf = db.entityManagerFactory();
            var migrator = new JdbcSchemaMigrator(db.dataSource());
            audit = new JpaAuditTrail(emf, migrator, mock(EventBus.class)); // the clock-taking constructor is package-private
            tokens = new JpaApiTokenService(emf, migrator, audit, clock);
        }

        @AfterEach
        void dropDatabase() {
            db.close();
        }

        static String sha256(String text) throws Exception {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }

        List<AuditEntry> auditOf(String tokenId) {
            return audit.query(new AuditQuery("api-token", tokenId, null, null, null, 0, 100));
        }

        @Test
        void issueReturnsASecretAndTheTokensMetadata() {
            IssuedToken issued = tokens.issue("  ci pipeline  ", Set.of(Roles.AGENT, Roles.MANAGER), "admin");

            assertThat(issued.secret()).startsWith("alx_").hasSize(4 + 43).matches("alx_[A-Za-z0-9_-]{43}");
            ApiToken token = issued.token();
            assertThat(token.id()).isNotBlank();
            assertThat(token.name()).isEqualTo("ci pipeline");
            assertThat(token.subject()).isEqualTo("token:ci pipeline");
            assertThat(token.roles()).containsExactlyInAnyOrder(Roles.AGENT, Roles.MANAGER);
            assertThat(token.createdBy()).isEqualTo("admin");
            assertThat(token.created()).isEqualTo(clock.instant());
            assertThat(token.revoked()).isNull();
        }

        @Test
        void everyTokenGetsItsOwnIdAndSecret() {
            IssuedToken a = tokens.issue("a", Set.of(Roles.AGENT), "admin");
            IssuedToken b = tokens.issue("a", Set.of(Roles.AGENT), "admin");

            assertThat(a.token().id()).isNotEqualTo(b.token().id());
            assertThat(a.secret()).isNotEqualTo(b.secret());
            assertThat(tokens.authenticate(a.secret())).map(ApiToken::id).contains(a.token().id());
            assertThat(tokens.authenticate(b.secret())).map(ApiToken::id).contains(b.token().id());
        }

        @Test
        void authenticateFindsTheTokenWithItsRoles() {
            IssuedToken issued = tokens.issue("monitoring", Set.of(Roles.EXECUTIVE, Roles.ADMIN), "admin");

            assertThat(tokens.authenticate(issued.secret())).hasValueSatisfying(token -> {
                assertThat(token).isEqualTo(issued.token());
                assertThat(token.roles()).containsExactlyInAnyOrder(Roles.EXECUTIVE, Roles.ADMIN);
            });
        }

        @Test
        void authenticateRejectsWrongSecrets() {
            IssuedToken issued = tokens.issue("monitoring", Set.of(Roles.AGENT), "admin");
            String secret = issued.secret();
            String lastCharChanged = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");

            assertThat(tokens.authenticate(lastCharChanged)).isEmpty();
            assertThat(tokens.authenticate(secret.substring(4))).isEmpty(); // without the prefix
            assertThat(tokens.authenticate(secret + "x")).isEmpty();
            assertThat(tokens.authenticate(sha256Unchecked(secret))).isEmpty(); // the stored hash is no secret
            assertThat(tokens.authenticate("alx_" + "A".repeat(200))).isEmpty();
            assertThat(tokens.authenticate("")).isEmpty();
            assertThat(tokens.authenticate(null)).isEmpty();
            assertThat(tokens.authenticate(secret)).isPresent();
        }

        @Test
        void revokedTokensNoLongerAuthenticate() {
            IssuedToken issued = tokens.issue("old", Set.of(Roles.AGENT), "admin");
            Instant revokedAt = clock.advance(Duration.ofMinutes(5));

            assertThat(tokens.revoke(issued.token().id(), "security-officer")).isTrue();

            assertThat(tokens.authenticate(issued.secret())).isEmpty();
            assertThat(tokens.revoke(issued.token().id(), "security-officer")).isFalse();
            assertThat(tokens.list()).singleElement().satisfies(token -> {
                assertThat(token.id()).isEqualTo(issued.token().id());
                assertThat(token.revoked()).isEqualTo(revokedAt);
            });
        }

        @Test
        void revokingOneTokenLeavesTheOthers() {
            IssuedToken keep = tokens.issue("keep", Set.of(Roles.AGENT), "admin");
            IssuedToken drop = tokens.issue("drop", Set.of(Roles.AGENT), "admin");

            tokens.revoke(drop.token().id(), "admin");

            assertThat(tokens.authenticate(keep.secret())).isPresent();
            assertThat(tokens.authenticate(drop.secret())).isEmpty();
        }

        @Test
        void revokingAnUnknownTokenReturnsFalseAndAuditsNothing() {
            assertThat(tokens.revoke("no-such-token", "admin")).isFalse();
            assertThat(audit.query(AuditQuery.all(100))).isEmpty();
        }

        @Test
        void listShowsNewestFirst() {
            IssuedToken first = tokens.issue("first", Set.of(Roles.AGENT), "admin");
            clock.advance(Duration.ofSeconds(1));
            IssuedToken second = tokens.issue("second", Set.of(Roles.AGENT), "admin");

            assertThat(tokens.list()).extracting(ApiToken::id).containsExactly(second.token().id(), first.token().id());
        }

        @Test
        void invalidRequestsAreRefusedAndStoreNothing() {
            assertThatThrownBy(() -> tokens.issue("x", Set.of("root"), "admin"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root");
            assertThatThrownBy(() -> tokens.issue("x", Set.of(Roles.AGENT, "superuser"), "admin"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("superuser");
            assertThatThrownBy(() -> tokens.issue("   ", Set.of(Roles.AGENT), "admin")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tokens.issue("", Set.of(Roles.AGENT), "admin")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tokens.issue("x".repeat(201), Set.of(Roles.AGENT), "admin"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tokens.issue("x", Set.of(), "admin")).isInstanceOf(IllegalArgumentException.class);

            assertThat(tokens.list()).isEmpty();
            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_api_token")).isZero();
            assertThat(audit.query(AuditQuery.all(100))).isEmpty();
        }

        @Test
        void issueAndRevokeAreAudited() {
            IssuedToken issued = tokens.issue("ci", Set.of(Roles.MANAGER, Roles.AGENT), "alice");
            tokens.revoke(issued.token().id(), "bob");

            List<AuditEntry> entries = auditOf(issued.token().id());
            assertThat(entries).hasSize(2);
            AuditEntry issue = entries.get(0);
            assertThat(issue.actor()).isEqualTo(Actor.user("alice"));
            assertThat(issue.action()).isEqualTo("api-token.issue");
            assertThat(issue.target()).isEqualTo(new EntityRef("api-token", issued.token().id()));
            assertThat(issue.after()).isEqualTo("name=ci roles=agent,manager");
            AuditEntry revoke = entries.get(1);
            assertThat(revoke.actor()).isEqualTo(Actor.user("bob"));
            assertThat(revoke.action()).isEqualTo("api-token.revoke");
            assertThat(revoke.before()).isEqualTo("live");
            assertThat(revoke.after()).isEqualTo("revoked");
            // the audit never holds the secret
            assertThat(entries).allSatisfy(e -> assertThat(e.toString()).doesNotContain(issued.secret()));
            assertThat(audit.verify().valid()).isTrue();
        }

        @Test
        void databaseStoresOnlyTheSha256OfTheSecret() throws Exception {
            IssuedToken issued = tokens.issue("ci", Set.of(Roles.AGENT), "admin");

            List<Map<String, Object>> rows = db.query("SELECT * FROM alx_api_token WHERE id = ?", issued.token().id());
            assertThat(rows).hasSize(1);
            String stored = (String) rows.get(0).get("secret_hash");
            assertThat(stored).isNotEqualTo(issued.secret()).isEqualTo(sha256(issued.secret())).matches("[0-9a-f]{64}");
            // no column holds the secret or a part of it
            String randomPart = issued.secret().substring(4);
            assertThat(rows.get(0).values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(randomPart));
        }

        @Test
        void tokensSurviveAnotherServiceInstanceOnTheSameDatabase() {
            IssuedToken issued = tokens.issue("ci", Set.of(Roles.AGENT), "admin");

            // a restart, or a second node: the schema is not migrated again and the token still works
            var other = new JpaApiTokenService(db.entityManagerFactory(), new JdbcSchemaMigrator(db.dataSource()), audit, clock);

            assertThat(other.authenticate(issued.secret())).map(ApiToken::id).contains(issued.token().id());
            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_schema_history WHERE module = 'core'")).isEqualTo(2);
        }

        private static String sha256Unchecked(String text) {
            try {
                return sha256(text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
