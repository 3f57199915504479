package org.alexandria.rest.internal.ext;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the REST edge, PID {@value #PID}, file {@code etc/org.alexandria.rest.cfg}. */
@ObjectClassDefinition(name = "Alexandria REST", description = "Authentication and request limits of the REST API.")
public @interface RestConfig {

    /** Configuration PID. */
    String PID = "org.alexandria.rest";

    /** @return largest accepted request body */
    @AttributeDefinition(name = "Maximum request body (bytes)", description = "Larger bodies are refused with 413.", min = "1")
    long maxBodyBytes() default 1_048_576;

    /** @return how long a successful Basic login is remembered */
    @AttributeDefinition(name = "Login cache (s)", description = "How long a successful HTTP Basic login is remembered; 0 checks the realm on every request. A changed password takes effect after at most this time.", min = "0")
    int authCacheSeconds() default 60;

    /** @return JAAS realm */
    @AttributeDefinition(name = "JAAS realm", description = "Karaf JAAS realm that checks user names and passwords.")
    String realm() default "karaf";
}
