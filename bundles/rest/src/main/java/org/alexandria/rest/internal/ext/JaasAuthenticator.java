package org.alexandria.rest.internal.ext;

import java.security.Principal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.alexandria.api.security.Roles;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/** Checks a user name and password against a Karaf JAAS realm and returns the platform roles granted. */
final class JaasAuthenticator {

    private JaasAuthenticator() {
    }

    /**
     * @param realm    JAAS realm, {@code karaf} by default
     * @param user     login name
     * @param password password
     * @return the platform roles, or empty when the login fails
     */
    static Optional<Set<String>> login(String realm, String user, char[] password) {
        Subject subject = new Subject();
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback pass) {
                        pass.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            Set<String> roles = new HashSet<>();
            for (Principal principal : subject.getPrincipals()) {
                if (principal instanceof RolePrincipal && Roles.ALL.contains(principal.getName())) {
                    roles.add(principal.getName());
                }
            }
            context.logout();
            return Optional.of(Set.copyOf(roles));
        } catch (LoginException e) {
            return Optional.empty();
        }
    }
}
