package org.alexandria.shell.internal;

import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.AuditVerification;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code alexandria:audit-verify}: re-computes the audit hash chain and reports tampering. */
@Command(scope = "alexandria", name = "audit-verify", description = "Verifies the audit trail's hash chain")
@Service
public class AuditVerifyCommand implements Action {

    @Reference
    AuditTrail audit;

    @Override
    public Object execute() {
        AuditVerification result = audit.verify();
        if (result.valid()) {
            System.out.println("Audit trail intact: " + result.entriesChecked() + " entries verified");
        } else {
            System.out.println("Audit trail BROKEN at entry " + result.firstBadSequence() + " (" + result.entriesChecked()
                    + " entries read):");
            result.problems().forEach(p -> System.out.println("  - " + p));
        }
        return null;
    }
}
