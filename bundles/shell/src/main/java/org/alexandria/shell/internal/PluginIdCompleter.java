package org.alexandria.shell.internal;

import java.util.List;
import org.alexandria.api.plugin.PluginInfo;
import org.alexandria.api.plugin.PluginRegistry;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes plugin ids known to the registry. */
@Service
public class PluginIdCompleter implements Completer {

    @Reference
    PluginRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        registry.plugins().stream().map(PluginInfo::id).forEach(ids.getStrings()::add);
        return ids.complete(session, commandLine, candidates);
    }
}
