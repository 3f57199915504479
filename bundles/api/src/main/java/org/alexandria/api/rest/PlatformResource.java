package org.alexandria.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Put on a DS component that is a JAX-RS resource to publish it on the platform's REST API.
 *
 * <p>The resource is registered with the JAX-RS whiteboard and served only once the platform's
 * security filter and JSON provider are present, so it is never reachable unauthenticated. Declare
 * roles with {@code @RolesAllowed} (see {@link org.alexandria.api.security.Roles}); a method without
 * it is open to every authenticated user with a platform role, {@code @PermitAll} opens it to anyone.
 *
 * <pre>{@code
 * @Component(service = HelloResource.class)
 * @PlatformResource
 * @Path("/api/v1/hello")
 * public class HelloResource { ... }
 * }</pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PlatformResource {

    /** Prefix of the generated service properties. */
    String PREFIX_ = "osgi.jaxrs.";

    /** Name of the platform's security extension. */
    String SECURITY_EXTENSION = "alexandria.security";

    /** Name of the platform's JSON extension. */
    String JSON_EXTENSION = "alexandria.json";

    /** @return {@code osgi.jaxrs.resource=true} */
    String resource() default "true";

    /** @return the extensions the resource waits for */
    String[] extension_select() default {"(osgi.jaxrs.name=" + SECURITY_EXTENSION + ")",
            "(osgi.jaxrs.name=" + JSON_EXTENSION + ")"};
}
