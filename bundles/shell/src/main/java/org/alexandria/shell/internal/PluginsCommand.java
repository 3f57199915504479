package org.alexandria.shell.internal;

import org.alexandria.api.plugin.PluginInfo;
import org.alexandria.api.plugin.PluginRegistry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alexandria:plugins}: every plugin the registry knows, active and gone. */
@Command(scope = "alexandria", name = "plugins", description = "Lists Alexandria plugins with state and health")
@Service
public class PluginsCommand implements Action {

    @Reference
    PluginRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Version");
        table.column("State");
        table.column("Health");
        table.column("Bundle");
        table.column("Since");
        for (PluginInfo p : registry.plugins()) {
            table.addRow().addContent(p.id(), p.name(), p.version(), p.state(), p.health(), p.bundle(), p.since());
        }
        table.print(System.out);
        return null;
    }
}
