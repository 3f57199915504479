package org.alexandria.rest.internal.ext;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * Stands in for Karaf's properties login module in unit tests: user {@code alice}, password
 * {@code wonderland}, Karaf roles {@code manager} and {@code viewer} (the latter is not a platform role).
 * Counts login attempts so tests can tell whether a header reached JAAS at all.
 */
public final class TestLoginModule implements LoginModule {

    /** Login attempts since the last reset. */
    public static final AtomicInteger ATTEMPTS = new AtomicInteger();

    private Subject subject;
    private CallbackHandler handler;
    private String user;

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
    }

    @Override
    public boolean login() throws LoginException {
        ATTEMPTS.incrementAndGet();
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (Exception e) {
            throw new LoginException(e.toString());
        }
        if (!"alice".equals(name.getName()) || !"wonderland".equals(new String(password.getPassword()))) {
            throw new FailedLoginException("bad credentials");
        }
        user = name.getName();
        return true;
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal("manager"));
        subject.getPrincipals().add(new RolePrincipal("viewer"));
        return true;
    }

    @Override
    public boolean abort() {
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().clear();
        return true;
    }
}
