package org.alexandria.crash.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the crash analyzer, PID {@value #PID}, file {@code etc/org.alexandria.crash.cfg}. */
@ObjectClassDefinition(name = "Alexandria crash analyzer", description = "Limits and grouping rules of the crash analyzer.")
public @interface CrashConfig {

    /** Configuration PID. */
    String PID = "org.alexandria.crash";

    /** @return largest content accepted: bytes of a raw body, characters of text given as JSON or through the API */
    @AttributeDefinition(name = "Maximum report size", description = "Crash logs larger than this are refused (413): bytes of a raw text/plain body, characters of content sent as JSON or through the Java API. The REST edge's own body limit (org.alexandria.rest maxBodyBytes, 1 MiB by default) applies first.", min = "1")
    long maxContentBytes() default 10L * 1024 * 1024;

    /** @return top in-app frames per exception that make a fingerprint */
    @AttributeDefinition(name = "Frames per exception", description = "Top in-app frames of each exception of the cause chain that count for grouping. Changing it starts new groups for new reports.", min = "1", max = "50")
    int groupingFrames() default 5;

    /** @return patterns of the application's code */
    @AttributeDefinition(name = "In-app patterns", description = "Name prefixes (e.g. com.acme.) or path parts (e.g. /src/app/) of the application's own code; empty: every frame that is not a runtime's or a standard library's.", required = false)
    String[] inAppInclude() default {};

    /** @return extra patterns of code that is never the application's */
    @AttributeDefinition(name = "Extra framework patterns", description = "Name prefixes or path parts of code that is never the application's, in addition to the built-in runtimes and standard libraries.", required = false)
    String[] inAppExclude() default {};

    /** @return exception types grouped by type and message */
    @AttributeDefinition(name = "Types grouped by message", description = "Exception types grouped by type and normalized message instead of frames, in addition to the built-in out-of-memory errors.", required = false)
    String[] groupByMessageTypes() default {};

    /** @return seconds between looks for groups created by other nodes */
    @AttributeDefinition(name = "Index refresh (s)", description = "How often the similarity index picks up crash groups that other nodes sharing the database created; 0 turns it off (single node).", min = "0")
    int indexRefreshSeconds() default 30;
}
