package org.alexandria.api.crash;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Finds the crash groups behind a stack trace or crash log; provided by the crash-analyzer plugin. */
@ProviderType
public interface CrashAnalyzer {

    /**
     * Parses the text (Java, Python, JavaScript, .NET or native backtraces are recognised) and ranks the
     * known crash groups by similarity; nothing is stored.
     *
     * @param text  a crash log or a text that contains a stack trace, e.g. a ticket description
     * @param limit how many groups at most, 1..50
     * @return matching groups, best first; empty when the text holds no recognisable trace
     */
    List<CrashGroupMatch> match(String text, int limit);
}
