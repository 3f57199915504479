package org.alexandria.kb.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the knowledge base, PID {@value #PID}, file {@code etc/org.alexandria.kb.cfg}. */
@ObjectClassDefinition(name = "Alexandria knowledge base", description = "Where the article index lives and how many suggestions a call returns.")
public @interface KbConfig {

    /** Configuration PID. */
    String PID = "org.alexandria.kb";

    /** @return index folder; empty for {@code ${karaf.data}/alexandria/kb-index}, {@code memory} for no files */
    @AttributeDefinition(name = "Index location", description = "Folder of the Lucene index. Empty: ${karaf.data}/alexandria/kb-index (in memory when karaf.data is not set). 'memory': keep it in memory only. It is rebuilt from the database at every start either way.")
    String indexLocation() default "";

    /** @return default number of suggestions */
    @AttributeDefinition(name = "Default suggestions", description = "Suggestions returned when a call does not say how many.", min = "1", max = "50")
    int defaultSuggestions() default 5;
}
