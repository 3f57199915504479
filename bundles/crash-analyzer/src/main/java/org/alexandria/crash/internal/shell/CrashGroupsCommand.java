package org.alexandria.crash.internal.shell;

import java.util.List;
import java.util.Locale;
import org.alexandria.api.crash.CrashGroupStatus;
import org.alexandria.api.crash.CrashGroupSummary;
import org.alexandria.crash.internal.service.CrashAnalyzerService;
import org.alexandria.crash.internal.store.GroupFilter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alexandria:crash-groups}: lists crash groups, most recently seen (or most reports) first. */
@Command(scope = "alexandria", name = "crash-groups", description = "Lists crash groups")
@Service
public class CrashGroupsCommand implements Action {

    static final int MAX_LIMIT = 1000;

    @Reference
    CrashAnalyzerService crashes;

    @Option(name = "--app", aliases = "-a", description = "Only groups with reports of this application")
    String app;

    @Option(name = "--version", aliases = "-v", description = "Only groups with reports of this application version")
    String version;

    @Option(name = "--type", aliases = "-t", description = "Only groups of this exception type (root cause, exact)")
    String exceptionType;

    @Option(name = "--status", aliases = "-s", description = "OPEN (default) or MERGED")
    String status = "OPEN";

    @Option(name = "--text", aliases = "-q", description = "Only groups whose signature or message contain this text")
    String text;

    @Option(name = "--by-count", aliases = "-c", description = "Most reports first instead of most recently seen first")
    boolean byCount;

    @Option(name = "--limit", aliases = "-n", description = "Maximum number of groups (1..1000)")
    int limit = 50;

    @Override
    public Object execute() {
        if (limit < 1 || limit > MAX_LIMIT) {
            System.err.println("--limit must be 1.." + MAX_LIMIT);
            return null;
        }
        CrashGroupStatus wanted;
        try {
            wanted = CrashGroupStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("--status must be one of " + List.of(CrashGroupStatus.values()));
            return null;
        }
        List<CrashGroupSummary> groups = crashes.groups(new GroupFilter(wanted.name(), app, version, exceptionType, text,
                byCount ? GroupFilter.Sort.COUNT : GroupFilter.Sort.LAST_SEEN), null, limit);
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Reports").alignRight();
        table.column("Last seen");
        table.column("Status");
        table.column("Signature").maxSize(80);
        for (CrashGroupSummary g : groups) {
            table.addRow().addContent(g.id(), g.reportCount(), g.lastSeen(), g.status(), g.signature());
        }
        table.print(System.out);
        return null;
    }
}
