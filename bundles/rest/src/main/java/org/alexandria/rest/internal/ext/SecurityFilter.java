package org.alexandria.rest.internal.ext;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.annotation.Priority;
import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.alexandria.api.rest.PlatformResource;
import org.alexandria.api.security.ApiToken;
import org.alexandria.api.security.ApiTokenService;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Authenticates every request (HTTP Basic against the JAAS realm, or {@code Authorization: Bearer} API
 * tokens) and checks the resource method's roles: {@code @PermitAll} is open, {@code @RolesAllowed} needs
 * one of the roles, anything else needs at least one platform role. Answers 401 or 403 as problem+json.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
@JaxrsExtension
@JaxrsName(PlatformResource.SECURITY_EXTENSION)
@Priority(Priorities.AUTHENTICATION)
public final class SecurityFilter implements ContainerRequestFilter {

    @Context
    @Nullable ResourceInfo resourceInfo;

    private volatile String realm;
    private volatile Duration cacheTtl;
    private final LoginCache logins;
    private volatile @Nullable ApiTokenService tokens;

    /** @param config configuration */
    @Activate
    public SecurityFilter(RestConfig config) {
        this(config, System::nanoTime);
    }

    SecurityFilter(RestConfig config, LongSupplier nanoClock) {
        this.logins = new LoginCache(nanoClock);
        configure(config);
    }

    @Modified
    void modified(RestConfig config) {
        configure(config);
    }

    private void configure(RestConfig config) {
        this.realm = config.realm();
        this.cacheTtl = Duration.ofSeconds(Math.max(0, config.authCacheSeconds()));
        logins.clear();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setTokens(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    void unsetTokens(ApiTokenService tokens) {
        if (this.tokens == tokens) {
            this.tokens = null;
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo == null ? null : resourceInfo.getResourceClass();
        Access access = Access.of(method, type);
        if (access.permitAll) {
            return;
        }
        Optional<Caller> caller = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getSecurityContext() != null && request.getSecurityContext().isSecure());
        if (caller.isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.of(401, "unauthorized", "Authentication required",
                    "Send HTTP Basic credentials of a platform user or an API token as 'Authorization: Bearer <token>'",
                    path(request)).toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Alexandria\"").build());
            return;
        }
        Set<String> roles = caller.get().roles();
        boolean allowed = access.denyAll ? false
                : access.roles == null ? !roles.isEmpty()
                : Arrays.stream(access.roles).anyMatch(roles::contains);
        if (!allowed) {
            request.abortWith(Problem.of(403, "forbidden", "Forbidden",
                    "User '" + caller.get().name() + "' lacks the role for this operation"
                            + (access.roles == null ? "" : "; required: one of " + String.join(", ", access.roles)),
                    path(request)).toResponse());
            return;
        }
        request.setSecurityContext(caller.get());
    }

    Optional<Caller> authenticate(@Nullable String header, boolean secure) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String user = decoded.substring(0, colon);
            String password = decoded.substring(colon + 1);
            return basicRoles(user, password).map(roles -> new Caller(user, roles, "BASIC", secure));
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ApiTokenService service = tokens;
            if (service == null) {
                return Optional.empty();
            }
            Optional<ApiToken> token = service.authenticate(header.substring(7).trim());
            return token.map(t -> new Caller(t.subject(), Set.copyOf(t.roles()), "Bearer", secure));
        }
        return Optional.empty();
    }

    private Optional<Set<String>> basicRoles(String user, String password) {
        String currentRealm = realm;
        Duration ttl = cacheTtl;
        if (!ttl.isZero()) {
            Optional<Set<String>> cached = logins.get(currentRealm, user, password);
            if (cached.isPresent()) {
                return cached;
            }
        }
        Optional<Set<String>> roles = JaasAuthenticator.login(currentRealm, user, password.toCharArray());
        if (roles.isPresent() && !ttl.isZero()) {
            logins.put(currentRealm, user, password, roles.get(), ttl);
        }
        return roles;
    }

    private static String path(ContainerRequestContext request) {
        return "/" + request.getUriInfo().getPath();
    }

    /** The access rule of a resource method: method annotations win over class annotations. */
    record Access(boolean permitAll, boolean denyAll, String @Nullable [] roles) {
        static Access of(@Nullable Method method, @Nullable Class<?> type) {
            for (java.lang.reflect.AnnotatedElement element : new java.lang.reflect.AnnotatedElement[] {method, type}) {
                if (element == null) {
                    continue;
                }
                if (element.isAnnotationPresent(DenyAll.class)) {
                    return new Access(false, true, null);
                }
                if (element.isAnnotationPresent(PermitAll.class)) {
                    return new Access(true, false, null);
                }
                RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
                if (allowed != null) {
                    return new Access(false, false, allowed.value());
                }
            }
            return new Access(false, false, null);
        }
    }
}
