package org.alexandria.rest.internal.ext;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.alexandria.api.security.ApiToken;
import org.alexandria.api.security.ApiTokenService;
import org.alexandria.rest.internal.resources.HealthResource;
import org.alexandria.rest.internal.resources.MeResource;
import org.alexandria.rest.internal.resources.MetricsResource;
import org.alexandria.rest.internal.resources.PluginsResource;
import org.alexandria.rest.internal.resources.TokensResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SecurityFilterTest {

    private static final String REALM = "alexandria-unit-test";
    private static final String SECRET = "alx_s3cret";

    private static Configuration previousJaas;

    @RolesAllowed("manager")
    static class ManagerResource {
        public void inherited() {
        }

        @PermitAll
        public void open() {
        }

        @DenyAll
        public void closed() {
        }

        @RolesAllowed({"admin", "agent"})
        public void special() {
        }
    }

    @PermitAll
    static class OpenResource {
        public void inherited() {
        }

        @RolesAllowed("admin")
        public void adminOnly() {
        }
    }

    @DenyAll
    static class ClosedResource {
        public void inherited() {
        }

        @PermitAll
        public void open() {
        }
    }

    static class PlainResource {
        public void plain() {
        }
    }

    @BeforeAll
    static void setUp() {
        try {
            previousJaas = Configuration.getConfiguration();
        } catch (SecurityException e) {
            previousJaas = null;
        }
        // a JAAS realm for the HTTP Basic path; Karaf's realms exist only inside Karaf
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return REALM.equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        TestLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of())}
                        : null;
            }
        });
    }

    @AfterAll
    static void tearDown() {
        Configuration.setConfiguration(previousJaas);
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static SecurityFilter.Access access(Class<?> type, String name, Class<?>... parameters) {
        return SecurityFilter.Access.of(method(type, name, parameters), type);
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(UTF_8));
    }

    private static ApiToken token(String... roles) {
        return new ApiToken("t-1", "ci", "token:ci", Set.of(roles), "alice", Instant.parse("2026-01-31T12:00:00Z"), null);
    }

    private static SecurityFilter filter(ApiTokenService tokens) {
        RestConfig config = mock(RestConfig.class);
        when(config.realm()).thenReturn(REALM);
        SecurityFilter filter = new SecurityFilter(config);
        if (tokens != null) {
            filter.setTokens(tokens);
        }
        return filter;
    }

    private static ApiTokenService tokensGranting(String... roles) {
        ApiTokenService tokens = mock(ApiTokenService.class);
        when(tokens.authenticate(anyString())).thenReturn(Optional.empty());
        when(tokens.authenticate(SECRET)).thenReturn(Optional.of(token(roles)));
        return tokens;
    }

    @Nested
    class AccessRules {

        @Test
        void classRolesApplyToMethodsWithoutAnnotations() {
            SecurityFilter.Access access = access(ManagerResource.class, "inherited");
            assertThat(access.permitAll()).isFalse();
            assertThat(access.denyAll()).isFalse();
            assertThat(access.roles()).containsExactly("manager");
        }

        @Test
        void methodPermitAllOverridesClassRoles() {
            assertThat(access(ManagerResource.class, "open").permitAll()).isTrue();
        }

        @Test
        void methodDenyAllOverridesClassRoles() {
            SecurityFilter.Access access = access(ManagerResource.class, "closed");
            assertThat(access.denyAll()).isTrue();
            assertThat(access.permitAll()).isFalse();
        }

        @Test
        void methodRolesReplaceClassRoles() {
            assertThat(access(ManagerResource.class, "special").roles()).containsExactly("admin", "agent");
        }

        @Test
        void methodRolesOverrideClassPermitAll() {
            SecurityFilter.Access access = access(OpenResource.class, "adminOnly");
            assertThat(access.permitAll()).isFalse();
            assertThat(access.roles()).containsExactly("admin");
            assertThat(access(OpenResource.class, "inherited").permitAll()).isTrue();
        }

        @Test
        void methodPermitAllOverridesClassDenyAll() {
            assertThat(access(ClosedResource.class, "open").permitAll()).isTrue();
            assertThat(access(ClosedResource.class, "inherited").denyAll()).isTrue();
        }

        @Test
        void noAnnotationMeansAnyPlatformRole() {
            SecurityFilter.Access access = access(PlainResource.class, "plain");
            assertThat(access).isEqualTo(new SecurityFilter.Access(false, false, null));
            assertThat(SecurityFilter.Access.of(null, null)).isEqualTo(new SecurityFilter.Access(false, false, null));
        }

        @Test
        void theRealResourcesDeclareTheExpectedRules() {
            assertThat(access(HealthResource.class, "health").permitAll()).isTrue();
            assertThat(access(MetricsResource.class, "scrape").roles()).containsExactly("admin");
            assertThat(access(TokensResource.class, "list").roles()).containsExactly("admin");
            assertThat(access(PluginsResource.class, "get", String.class).roles()).containsExactlyInAnyOrder("admin", "manager");
            assertThat(access(MeResource.class, "me", SecurityContext.class).roles()).isNull();
        }
    }

    @Nested
    class Authenticate {

        @BeforeEach
        void resetAttempts() {
            TestLoginModule.ATTEMPTS.set(0);
        }

        @Test
        void bearerTokenBecomesTheTokensSubjectWithItsRoles() {
            Optional<Caller> caller = filter(tokensGranting("admin", "agent")).authenticate("Bearer " + SECRET, true);
            assertThat(caller).isPresent();
            assertThat(caller.get().name()).isEqualTo("token:ci");
            assertThat(caller.get().roles()).containsExactlyInAnyOrder("admin", "agent");
            assertThat(caller.get().scheme()).isEqualTo("Bearer");
            assertThat(caller.get().isSecure()).isTrue();
        }

        @Test
        void bearerSchemeIsCaseInsensitiveAndTheSecretIsTrimmed() {
            ApiTokenService tokens = tokensGranting("admin");
            assertThat(filter(tokens).authenticate("bearer   " + SECRET + "  ", false)).isPresent();
            verify(tokens).authenticate(SECRET);
        }

        @Test
        void unknownBearerTokenIsEmpty() {
            assertThat(filter(tokensGranting("admin")).authenticate("Bearer nope", false)).isEmpty();
        }

        @Test
        void bearerWithoutTokenServiceIsEmpty() {
            ApiTokenService tokens = tokensGranting("admin");
            SecurityFilter filter = filter(tokens);
            filter.unsetTokens(tokens);
            assertThat(filter.authenticate("Bearer " + SECRET, false)).isEmpty();
            verify(tokens, never()).authenticate(anyString());
        }

        @Test
        void missingOrUnknownSchemeIsEmpty() {
            ApiTokenService tokens = tokensGranting("admin");
            assertThat(filter(tokens).authenticate(null, false)).isEmpty();
            assertThat(filter(tokens).authenticate("Digest username=\"alice\"", false)).isEmpty();
            assertThat(filter(tokens).authenticate(SECRET, false)).isEmpty();
            verifyNoInteractions(tokens);
        }

        @Test
        void basicWithBadBase64IsEmptyWithoutLoginAttempt() {
            assertThat(filter(null).authenticate("Basic !!not-base64!!", false)).isEmpty();
            assertThat(TestLoginModule.ATTEMPTS).hasValue(0);
        }

        @Test
        void basicWithoutColonIsEmptyWithoutLoginAttempt() {
            assertThat(filter(null).authenticate(basic("alice"), false)).isEmpty();
            assertThat(TestLoginModule.ATTEMPTS).hasValue(0);
        }

        @Test
        void basicWithEmptyUserIsEmptyWithoutLoginAttempt() {
            assertThat(filter(null).authenticate(basic(":wonderland"), false)).isEmpty();
            assertThat(TestLoginModule.ATTEMPTS).hasValue(0);
        }

        @Test
        void basicLoginKeepsOnlyPlatformRoles() {
            Optional<Caller> caller = filter(null).authenticate(basic("alice:wonderland"), false);
            assertThat(TestLoginModule.ATTEMPTS).hasValue(1);
            assertThat(caller).isPresent();
            assertThat(caller.get().name()).isEqualTo("alice");
            assertThat(caller.get().roles()).containsExactly("manager");
            assertThat(caller.get().scheme()).isEqualTo("BASIC");
        }

        @Test
        void basicPasswordMayContainColons() {
            assertThat(filter(null).authenticate(basic("alice:wonder:land"), false)).isEmpty();
            assertThat(TestLoginModule.ATTEMPTS).hasValue(1);
        }

        @Test
        void successfulLoginIsRememberedUntilItExpires() {
            long[] now = {0};
            RestConfig config = mock(RestConfig.class);
            when(config.realm()).thenReturn(REALM);
            when(config.authCacheSeconds()).thenReturn(60);
            SecurityFilter cached = new SecurityFilter(config, () -> now[0]);

            assertThat(cached.authenticate(basic("alice:wonderland"), false)).isPresent();
            assertThat(cached.authenticate(basic("alice:wonderland"), false)).isPresent();
            assertThat(TestLoginModule.ATTEMPTS).hasValue(1);

            assertThat(cached.authenticate(basic("alice:rabbit"), false)).isEmpty();
            assertThat(cached.authenticate(basic("alice:rabbit"), false)).isEmpty();
            assertThat(TestLoginModule.ATTEMPTS).as("failures are never cached").hasValue(3);

            now[0] = java.time.Duration.ofSeconds(61).toNanos();
            Optional<Caller> again = cached.authenticate(basic("alice:wonderland"), false);
            assertThat(again.map(Caller::roles)).contains(Set.of("manager"));
            assertThat(TestLoginModule.ATTEMPTS).as("expired entry goes back to the realm").hasValue(4);
        }

        @Test
        void cacheOffChecksTheRealmEveryTime() {
            SecurityFilter uncached = filter(null);
            uncached.authenticate(basic("alice:wonderland"), false);
            uncached.authenticate(basic("alice:wonderland"), false);
            assertThat(TestLoginModule.ATTEMPTS).hasValue(2);
        }

        @Test
        void basicWithWrongPasswordIsEmpty() {
            assertThat(filter(null).authenticate(basic("alice:rabbit"), false)).isEmpty();
            assertThat(TestLoginModule.ATTEMPTS).hasValue(1);
        }
    }

    @Nested
    class Filter {

        private ContainerRequestContext request(String authorization) {
            ContainerRequestContext request = mock(ContainerRequestContext.class);
            UriInfo uri = mock(UriInfo.class);
            when(uri.getPath()).thenReturn("api/v1/tokens");
            when(request.getUriInfo()).thenReturn(uri);
            when(request.getHeaderString(HttpHeaders.AUTHORIZATION)).thenReturn(authorization);
            SecurityContext transport = mock(SecurityContext.class);
            when(transport.isSecure()).thenReturn(true);
            when(request.getSecurityContext()).thenReturn(transport);
            return request;
        }

        private SecurityFilter filterFor(ApiTokenService tokens, Class<?> type, Method method) {
            SecurityFilter filter = filter(tokens);
            ResourceInfo info = mock(ResourceInfo.class);
            when(info.getResourceMethod()).thenReturn(method);
            doReturn(type).when(info).getResourceClass();
            filter.resourceInfo = info;
            return filter;
        }

        private SecurityFilter tokensList(String... roles) {
            return filterFor(tokensGranting(roles), TokensResource.class, method(TokensResource.class, "list"));
        }

        private Response aborted(ContainerRequestContext request) {
            ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
            verify(request).abortWith(response.capture());
            verify(request, never()).setSecurityContext(any());
            return response.getValue();
        }

        @Test
        void noAuthorizationHeaderIs401ProblemWithChallenge() {
            ContainerRequestContext request = request(null);
            tokensList("admin").filter(request);

            Response response = aborted(request);
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"Alexandria\"");
            assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
            Problem problem = (Problem) response.getEntity();
            assertThat(problem.type()).isEqualTo("urn:alexandria:problem:unauthorized");
            assertThat(problem.status()).isEqualTo(401);
            assertThat(problem.instance()).isEqualTo("/api/v1/tokens");
        }

        @Test
        void unknownTokenIs401() {
            ContainerRequestContext request = request("Bearer wrong");
            tokensList("admin").filter(request);
            assertThat(aborted(request).getStatus()).isEqualTo(401);
        }

        @Test
        void tokenWithoutTheRoleIs403NamingTheRequiredRoles() {
            ContainerRequestContext request = request("Bearer " + SECRET);
            tokensList("agent", "manager").filter(request);

            Response response = aborted(request);
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isNull();
            Problem problem = (Problem) response.getEntity();
            assertThat(problem.type()).isEqualTo("urn:alexandria:problem:forbidden");
            assertThat(problem.detail()).contains("token:ci", "required: one of admin");
        }

        @Test
        void tokenWithTheRolePassesAndBecomesTheSecurityContext() {
            ContainerRequestContext request = request("Bearer " + SECRET);
            tokensList("admin").filter(request);

            verify(request, never()).abortWith(any());
            ArgumentCaptor<SecurityContext> context = ArgumentCaptor.forClass(SecurityContext.class);
            verify(request).setSecurityContext(context.capture());
            assertThat(context.getValue().getUserPrincipal().getName()).isEqualTo("token:ci");
            assertThat(context.getValue().isUserInRole("admin")).isTrue();
            assertThat(context.getValue().isUserInRole("manager")).isFalse();
            assertThat(context.getValue().getAuthenticationScheme()).isEqualTo("Bearer");
            assertThat(context.getValue().isSecure()).isTrue();
        }

        @Test
        void permitAllNeedsNoCredentials() {
            ContainerRequestContext request = request(null);
            filterFor(tokensGranting(), HealthResource.class, method(HealthResource.class, "health")).filter(request);
            verify(request, never()).abortWith(any());
            verify(request, never()).setSecurityContext(any());
        }

        @Test
        void denyAllRefusesEvenAnAdmin() {
            ContainerRequestContext request = request("Bearer " + SECRET);
            filterFor(tokensGranting("admin", "manager", "agent", "executive"), ClosedResource.class,
                    method(ClosedResource.class, "inherited")).filter(request);
            assertThat(aborted(request).getStatus()).isEqualTo(403);
        }

        @Test
        void unannotatedMethodNeedsSomePlatformRole() {
            Method me = method(MeResource.class, "me", SecurityContext.class);
            ContainerRequestContext withRole = request("Bearer " + SECRET);
            filterFor(tokensGranting("executive"), MeResource.class, me).filter(withRole);
            verify(withRole, never()).abortWith(any());
            verify(withRole).setSecurityContext(any());

            ContainerRequestContext withoutRole = request("Bearer " + SECRET);
            filterFor(tokensGranting(), MeResource.class, me).filter(withoutRole);
            Response response = aborted(withoutRole);
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(((Problem) response.getEntity()).detail()).doesNotContain("required");
        }

        @Test
        void basicCredentialsWithTheRolePass() {
            ContainerRequestContext request = request(basic("alice:wonderland"));
            filterFor(null, PluginsResource.class, method(PluginsResource.class, "list")).filter(request);
            verify(request, never()).abortWith(any());
            ArgumentCaptor<SecurityContext> context = ArgumentCaptor.forClass(SecurityContext.class);
            verify(request).setSecurityContext(context.capture());
            assertThat(context.getValue().getAuthenticationScheme()).isEqualTo("BASIC");
        }

        @Test
        void basicCredentialsWithoutTheRoleAre403() {
            ContainerRequestContext request = request(basic("alice:wonderland"));
            filterFor(null, TokensResource.class, method(TokensResource.class, "list")).filter(request);
            assertThat(aborted(request).getStatus()).isEqualTo(403);
        }
    }
}
