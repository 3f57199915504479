package org.alexandria.tickets.internal.crash;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashReportReceipt;
import org.alexandria.api.crash.CrashReportSubmission;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.tickets.internal.model.Attachment;
import org.alexandria.tickets.internal.service.TicketListener;
import org.alexandria.tickets.internal.service.TicketService;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands crash logs attached to tickets to the crash analyzer ({@link CrashAnalyzer#ingest}), when one is installed:
 * files named {@code *.log} or {@code *.txt}, and any text attachment that contains a stack trace. The analyzer is an
 * optional, dynamic reference: without it attachments are stored as usual and nothing is forwarded. Forwarding runs
 * on a thread of its own, so a slow or failing analyzer never delays or fails the upload; what became of each log is
 * written to the audit trail ({@code ticket.crash-log}).
 */
@Component(service = TicketListener.class)
public final class CrashLogForwarder implements TicketListener {

    /** The actor of the audit entries. */
    public static final Actor ACTOR = Actor.system("tickets-crash-forwarder");
    /** How many logs may wait for the analyzer; more are skipped (and logged). */
    static final int QUEUE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(CrashLogForwarder.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile @Nullable CrashAnalyzer analyzer;

    private final AuditTrail audit;
    private final Executor executor;
    private final @Nullable ThreadPoolExecutor ownExecutor;

    /** @param audit the audit trail */
    @Activate
    public CrashLogForwarder(@Reference AuditTrail audit) {
        this.audit = audit;
        this.ownExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "alexandria-tickets-crash-forwarder");
            t.setDaemon(true);
            return t;
        });
        this.executor = ownExecutor;
    }

    CrashLogForwarder(AuditTrail audit, Executor executor, @Nullable CrashAnalyzer analyzer) {
        this.audit = audit;
        this.executor = executor;
        this.ownExecutor = null;
        this.analyzer = analyzer;
    }

    @Deactivate
    void deactivate() {
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }

    @Override
    public void attached(Ticket ticket, Attachment attachment, byte[] content) {
        if (analyzer == null) {
            return;
        }
        CrashLogs.text(attachment.fileName(), content).ifPresent(text -> {
            try {
                executor.execute(() -> forward(ticket, attachment, text));
            } catch (RejectedExecutionException e) {
                LOG.warn("Crash log {} of {} not forwarded: {} logs are already waiting for the crash analyzer",
                        attachment.fileName(), ticket.key(), QUEUE);
            }
        });
    }

    private void forward(Ticket ticket, Attachment attachment, String text) {
        CrashAnalyzer current = analyzer;
        if (current == null) {
            return; // the analyzer went away while the log waited
        }
        CrashReportSubmission submission = new CrashReportSubmission(text, ticket.product(), ticket.appVersion(),
                ticket.environment().os(), ticket.environment().device(), ticket.requesterId(), attachment.createdAt(),
                ticket.id(), "ticket-attachment");
        String outcome;
        try {
            CrashReportReceipt receipt = current.ingest(submission);
            outcome = receipt.parsed()
                    ? "crash report " + receipt.reportId() + " joined " + (receipt.newGroup() ? "new " : "") + "group "
                            + receipt.groupId() + " (" + receipt.signature() + ")"
                    : "crash report " + receipt.reportId() + " stored unparsed: " + receipt.unparsedReason();
        } catch (RuntimeException e) {
            LOG.warn("The crash analyzer refused crash log {} of {}: {}", attachment.fileName(), ticket.key(), e.toString());
            outcome = "not stored by the crash analyzer: " + e.getMessage();
        }
        String after = "attachment " + attachment.id() + " (" + attachment.fileName() + "): " + outcome;
        try {
            audit.append(new AuditRecord(ACTOR, "ticket.crash-log", new EntityRef(TicketService.ENTITY, ticket.key()),
                    null, null, after.length() > AuditRecord.MAX_TEXT ? after.substring(0, AuditRecord.MAX_TEXT) : after));
        } catch (RuntimeException e) {
            LOG.error("Audit entry for crash log {} of {} could not be written", attachment.fileName(), ticket.key(), e);
        }
    }
}
