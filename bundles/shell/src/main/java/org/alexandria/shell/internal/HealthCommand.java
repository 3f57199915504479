package org.alexandria.shell.internal;

import org.alexandria.api.plugin.HealthReport;
import org.alexandria.api.plugin.PluginInfo;
import org.alexandria.api.plugin.PluginRegistry;
import org.alexandria.api.plugin.PluginState;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alexandria:health [plugin]}: runs every plugin's health check now and prints the result. */
@Command(scope = "alexandria", name = "health", description = "Checks the platform's and every plugin's health now")
@Service
public class HealthCommand implements Action {

    @Reference
    PluginRegistry registry;

    @Argument(index = 0, name = "plugin", description = "Only this plugin's health", required = false)
    @Completion(PluginIdCompleter.class)
    String pluginId;

    @Override
    public Object execute() {
        HealthReport report = registry.health();
        if (pluginId != null && report.plugins().stream().noneMatch(p -> p.id().equals(pluginId))) {
            System.err.println("No plugin with id '" + pluginId + "'; see alexandria:plugins");
            return null;
        }
        System.out.println("Platform: " + report.status() + " (checked " + report.checked() + ")");
        ShellTable table = new ShellTable();
        table.column("Plugin");
        table.column("Health");
        table.column("Message");
        for (PluginInfo p : report.plugins()) {
            if (p.state() == PluginState.ACTIVE && (pluginId == null || pluginId.equals(p.id()))) {
                table.addRow().addContent(p.id(), p.health(), p.message() == null ? "" : p.message());
            }
        }
        table.print(System.out);
        return null;
    }
}
