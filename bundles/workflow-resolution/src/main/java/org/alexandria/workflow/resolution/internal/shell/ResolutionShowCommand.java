package org.alexandria.workflow.resolution.internal.shell;

import java.io.PrintStream;
import java.util.Locale;
import org.alexandria.workflow.resolution.internal.ResolutionWorkflow;
import org.alexandria.workflow.resolution.internal.correlation.Candidate;
import org.alexandria.workflow.resolution.internal.correlation.Signal;
import org.alexandria.workflow.resolution.internal.model.Article;
import org.alexandria.workflow.resolution.internal.model.Decision;
import org.alexandria.workflow.resolution.internal.model.Link;
import org.alexandria.workflow.resolution.internal.model.Resolution;
import org.alexandria.workflow.resolution.internal.service.DecisionException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code alexandria:resolution-show}: a ticket's proposal with its link, candidates, articles and decisions. */
@Command(scope = "alexandria", name = "resolution-show", description = "Shows the workflow's resolution proposal for a ticket")
@Service
public class ResolutionShowCommand implements Action {

    @Reference
    ResolutionWorkflow workflow;

    @Argument(index = 0, name = "ticket", description = "The ticket's key (e.g. ALX-12) or id", required = true)
    String ticket;

    @Override
    public Object execute() {
        Resolution r;
        try {
            r = workflow.service().resolution(ticket);
        } catch (DecisionException e) {
            System.err.println(e.getMessage());
            return null;
        }
        PrintStream out = System.out;
        out.println(r.ticketKey() + ": " + r.state() + (r.revision() == 0 ? "" : ", revision " + r.revision() + " of " + r.updatedAt()));
        out.println("  Confidence:  " + String.format(Locale.ROOT, "%.2f", r.confidence()));
        if (!r.unavailable().isEmpty()) {
            out.println("  Unavailable: " + String.join(", ", r.unavailable()));
        }
        Link link = r.link();
        out.println("  Crash group: " + (link == null ? "-" : link.signature() + " (" + link.groupId() + "), " + link.status()
                + ", score " + String.format(Locale.ROOT, "%.2f", link.score())));
        out.println("  Why:         " + r.explanation());
        if (!r.candidates().isEmpty()) {
            out.println("Candidates:");
            for (Candidate c : r.candidates()) {
                out.println("  " + String.format(Locale.ROOT, "%.2f", c.score()) + "  " + c.signature() + "  (" + c.groupId() + ")");
                for (Signal s : c.signals()) {
                    out.println("        " + s.name() + " " + String.format(Locale.ROOT, "%.2f → %.2f", s.value(), s.contribution())
                            + (s.detail().isEmpty() ? "" : ": " + s.detail()));
                }
            }
        }
        if (!r.articles().isEmpty()) {
            out.println("Articles:");
            for (Article a : r.articles()) {
                out.println("  " + String.format(Locale.ROOT, "%.2f", a.score()) + "  " + a.title() + "  (" + a.articleId() + ")");
            }
        }
        if (r.reply() != null) {
            out.println("Suggested reply:");
            r.reply().lines().forEach(l -> out.println("  " + l));
        }
        if (!r.decisions().isEmpty()) {
            out.println("Decisions:");
            for (Decision d : r.decisions()) {
                out.println("  " + d.at() + "  " + d.actor() + "  " + d.action() + (d.groupId() == null ? "" : " " + d.groupId())
                        + (d.reason() == null ? "" : ": " + d.reason()));
            }
        }
        return null;
    }
}
