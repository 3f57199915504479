package org.alexandria.shell.internal;

import java.util.List;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.audit.AuditTrail;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alexandria:audit}: lists audit entries, filtered by entity and/or actor. */
@Command(scope = "alexandria", name = "audit", description = "Lists audit trail entries, oldest first")
@Service
public class AuditCommand implements Action {

    @Reference
    AuditTrail audit;

    @Option(name = "--type", aliases = "-t", description = "Entity type, e.g. ticket or api-token")
    String entityType;

    @Option(name = "--entity", aliases = "-e", description = "Entity id (with --type)")
    String entityId;

    @Option(name = "--actor", aliases = "-a", description = "Actor name, e.g. admin")
    String actor;

    @Option(name = "--after", description = "Only entries after this sequence number")
    long after;

    @Option(name = "--limit", aliases = "-n", description = "Maximum number of entries (1..1000)")
    int limit = 50;

    @Override
    public Object execute() {
        if (entityId != null && entityType == null) {
            System.err.println("--entity needs --type");
            return null;
        }
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT || after < 0) {
            System.err.println("--limit must be 1.." + AuditQuery.MAX_LIMIT + " and --after must not be negative");
            return null;
        }
        List<AuditEntry> entries = audit.query(new AuditQuery(entityType, entityId, actor, null, null, after, limit));
        ShellTable table = new ShellTable();
        table.column("Seq");
        table.column("Time");
        table.column("Actor");
        table.column("Action");
        table.column("Entity");
        table.column("Reason").maxSize(40);
        table.column("After").maxSize(40);
        for (AuditEntry e : entries) {
            table.addRow().addContent(e.sequence(), e.time(), e.actor(), e.action(),
                    e.target().type() + "/" + e.target().id(), e.reason() == null ? "" : e.reason(),
                    e.after() == null ? "" : e.after());
        }
        table.print(System.out);
        return null;
    }
}
