package org.alexandria.crash.internal.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.alexandria.api.crash.CrashExceptionInfo;
import org.alexandria.api.crash.CrashFrame;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.crash.CrashReportSummary;
import org.alexandria.api.crash.ValueCount;
import org.alexandria.crash.internal.service.CrashAnalyzerService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alexandria:crash-show}: one crash group with its statistics, representative frames and recent reports. */
@Command(scope = "alexandria", name = "crash-show", description = "Shows a crash group: statistics, frames, recent reports")
@Service
public class CrashShowCommand implements Action {

    @Reference
    CrashAnalyzerService crashes;

    @Argument(index = 0, name = "group", description = "The crash group's id", required = true)
    @Completion(CrashGroupIdCompleter.class)
    String groupId;

    @Option(name = "--reports", aliases = "-r", description = "Number of recent reports to list (0..100)")
    int reports = 10;

    @Option(name = "--frames", aliases = "-f", description = "Frames shown per exception (1..200)")
    int frames = 20;

    @Override
    public Object execute() {
        if (reports < 0 || reports > 100 || frames < 1 || frames > 200) {
            System.err.println("--reports must be 0..100 and --frames 1..200");
            return null;
        }
        Optional<CrashGroup> found = crashes.group(groupId);
        if (found.isEmpty()) {
            System.err.println("No crash group " + groupId);
            return null;
        }
        CrashGroup g = found.get();
        PrintStream out = System.out;
        out.println(g.signature());
        out.println("  Id:          " + g.id() + (g.mergedInto() == null ? "" : " (merged into " + g.mergedInto() + ")"));
        out.println("  Status:      " + g.status());
        out.println("  Exception:   " + g.exceptionType() + (g.exceptionMessage().isEmpty() ? "" : ": " + g.exceptionMessage()));
        out.println("  Reports:     " + g.reportCount() + ", customers: " + g.customerCount());
        out.println("  First seen:  " + g.firstSeen());
        out.println("  Last seen:   " + g.lastSeen());
        out.println("  Fingerprint: " + g.fingerprint() + " (" + g.groupingRules() + ")");
        counts(out, "Versions", g.versions());
        counts(out, "Operating systems", g.operatingSystems());
        counts(out, "Customers", g.customers());
        out.println();
        out.println("Representative trace (" + g.platform() + "):");
        for (CrashExceptionInfo e : g.exceptions()) {
            out.println("  " + (e.parent() < 0 ? "" : e.relation() + ": ") + e.type()
                    + (e.message().isEmpty() ? "" : ": " + firstLine(e.message())));
            List<CrashFrame> shown = e.frames().subList(0, Math.min(frames, e.frames().size()));
            for (CrashFrame f : shown) {
                out.println("    " + (f.inApp() ? "* " : "  ") + (f.module() == null ? "" : f.module() + ".") + f.function()
                        + (f.file() == null ? "" : " (" + f.file() + (f.line() < 0 ? "" : ":" + f.line()) + ")"));
            }
            int more = e.frames().size() - shown.size() + e.omittedFrames();
            if (more > 0) {
                out.println("      ... " + more + " more");
            }
        }
        if (reports > 0) {
            out.println();
            ShellTable table = new ShellTable();
            table.column("Report");
            table.column("Received");
            table.column("App");
            table.column("Version");
            table.column("OS");
            table.column("Customer");
            table.column("Ticket");
            for (CrashReportSummary r : crashes.reports(g.id(), null, reports)) {
                table.addRow().addContent(r.id(), r.receivedAt(), text(r.app()), text(r.appVersion()), text(r.os()),
                        text(r.customerId()), text(r.ticketId()));
            }
            table.print(out);
        }
        return null;
    }

    private static void counts(PrintStream out, String title, List<ValueCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("  ").append(title).append(": ");
        for (int i = 0; i < Math.min(10, counts.size()); i++) {
            line.append(i == 0 ? "" : ", ").append(counts.get(i).value()).append(" (").append(counts.get(i).count()).append(')');
        }
        if (counts.size() > 10) {
            line.append(", ...");
        }
        out.println(line);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl) + " ...";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
