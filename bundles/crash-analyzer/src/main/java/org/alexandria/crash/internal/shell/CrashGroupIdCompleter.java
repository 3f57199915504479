package org.alexandria.crash.internal.shell;

import java.util.List;
import org.alexandria.crash.internal.service.CrashAnalyzerService;
import org.alexandria.crash.internal.store.GroupFilter;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of the 100 most recently seen open crash groups. */
@Service
public class CrashGroupIdCompleter implements Completer {

    @Reference
    CrashAnalyzerService crashes;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        crashes.groups(new GroupFilter("OPEN", null, null, null, null, GroupFilter.Sort.LAST_SEEN), null, 100)
                .forEach(g -> ids.getStrings().add(g.id()));
        return ids.complete(session, commandLine, candidates);
    }
}
