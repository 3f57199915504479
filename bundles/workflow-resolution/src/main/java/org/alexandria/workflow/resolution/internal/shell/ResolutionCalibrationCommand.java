package org.alexandria.workflow.resolution.internal.shell;

import java.util.List;
import java.util.Locale;
import org.alexandria.workflow.resolution.internal.ResolutionWorkflow;
import org.alexandria.workflow.resolution.internal.model.Judgement;
import org.alexandria.workflow.resolution.internal.service.Calibration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alexandria:resolution-calibration}: precision and recall of automatic links per threshold, from agents' decisions. */
@Command(scope = "alexandria", name = "resolution-calibration",
        description = "Reports precision and recall of automatic crash-group links at each threshold, from agents' decisions")
@Service
public class ResolutionCalibrationCommand implements Action {

    @Reference
    ResolutionWorkflow workflow;

    @Option(name = "--step", description = "Distance between thresholds (0.01..0.5)")
    double step = 0.05;

    @Override
    public Object execute() {
        if (step < 0.01 || step > 0.5) {
            System.err.println("--step must be 0.01..0.5");
            return null;
        }
        List<Judgement> judgements = workflow.store().judgements();
        long kept = judgements.stream().filter(Judgement::correct).count();
        System.out.println(judgements.size() + " decisions on automatic proposals (" + kept + " accepted). Current thresholds: auto-link "
                + workflow.settings().correlation().autoLinkThreshold() + ", suggest "
                + workflow.settings().correlation().suggestThreshold() + ".");
        if (judgements.isEmpty()) {
            System.out.println("No agent has accepted, rejected or relinked a proposal yet.");
            return null;
        }
        int n = (int) Math.floor(1.0 / step) + 1;
        double[] thresholds = new double[n];
        for (int i = 0; i < n; i++) {
            thresholds[i] = Math.min(1.0, i * step);
        }
        ShellTable table = new ShellTable();
        table.column("Threshold");
        table.column("Linked");
        table.column("Correct");
        table.column("Precision");
        table.column("Recall");
        for (Calibration.Row row : Calibration.curve(judgements, thresholds)) {
            table.addRow().addContent(fmt(row.threshold()), row.linked(), row.correct(), fmt(row.precision()), fmt(row.recall()));
        }
        table.print(System.out);
        return null;
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
