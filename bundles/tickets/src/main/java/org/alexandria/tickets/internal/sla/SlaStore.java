package org.alexandria.tickets.internal.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketStatus;
import org.alexandria.tickets.internal.store.Transactions;

/** SLA policies in {@code tkt_sla_policy} and {@code tkt_sla_target}, and the breach flags of tickets. */
final class SlaStore {

    /** Which due time of a ticket: its flag, due and done attributes of {@code TicketEntity}, and its name. */
    enum Due {
        FIRST_RESPONSE("firstResponseBreached", "firstResponseDueMs", "firstResponseMs", "first response"),
        RESOLUTION("resolutionBreached", "resolutionDueMs", "solvedMs", "resolution");

        final String flag;
        final String due;
        final String done;
        final String label;

        Due(String flag, String due, String done, String label) {
            this.flag = flag;
            this.due = due;
            this.done = done;
            this.label = label;
        }
    }

    /**
     * A due time that passed without a breach recorded.
     *
     * @param ticketId  the ticket
     * @param key       its key
     * @param due       which due time
     * @param dueMs     when it was due
     */
    record Overdue(String ticketId, String key, Due due, long dueMs) {
    }

    List<SlaPolicy> all(EntityManager em) {
        List<SlaPolicyEntity> rows = em.createQuery("SELECT p FROM SlaPolicyEntity p ORDER BY p.position, p.name",
                SlaPolicyEntity.class).getResultList();
        Map<String, List<SlaPolicy.Target>> targets = new HashMap<>();
        em.createQuery("SELECT t FROM SlaTargetEntity t", SlaTargetEntity.class).getResultList()
                .forEach(t -> targets.computeIfAbsent(t.policyId, k -> new ArrayList<>()).add(target(t)));
        return rows.stream().map(p -> policy(p, targets.getOrDefault(p.id, List.of()))).toList();
    }

    Optional<SlaPolicy> find(EntityManager em, String id) {
        SlaPolicyEntity p = em.find(SlaPolicyEntity.class, id);
        return p == null ? Optional.empty()
                : Optional.of(policy(p, targets(em, id).stream().map(SlaStore::target).toList()));
    }

    void insert(EntityManager em, SlaPolicy p) {
        SlaPolicyEntity e = new SlaPolicyEntity();
        e.id = p.id();
        e.createdMs = p.createdAt().toEpochMilli();
        write(e, p);
        em.persist(e);
        em.flush();
        writeTargets(em, p);
    }

    void update(EntityManager em, SlaPolicy p) {
        SlaPolicyEntity e = em.find(SlaPolicyEntity.class, p.id());
        if (e != null) {
            write(e, p);
            em.flush();
        }
        writeTargets(em, p);
    }

    boolean delete(EntityManager em, String id) {
        targets(em, id).forEach(em::remove);
        em.flush();
        return Transactions.remove(em, SlaPolicyEntity.class, id);
    }

    /** Overdue first responses of open tickets and overdue resolutions whose breach is not recorded yet. */
    List<Overdue> overdue(EntityManager em, Instant now) {
        List<Overdue> found = new ArrayList<>();
        for (Due due : Due.values()) {
            // one range of the index on (done, flag, due) of migration V3; the lower bound keeps the tickets
            // without a due time out of that range on H2, where NULLs sort first
            var query = em.createQuery("SELECT t.id, t.ticketKey, t." + due.due + " FROM TicketEntity t WHERE t."
                    + due.done + " IS NULL AND t." + due.flag + " = FALSE AND t." + due.due + " >= 0 AND t." + due.due
                    + " <= :now" + (due == Due.FIRST_RESPONSE ? " AND t.status NOT IN :finished" : ""), Object[].class)
                    .setParameter("now", now.toEpochMilli());
            if (due == Due.FIRST_RESPONSE) {
                query.setParameter("finished", List.of(TicketStatus.SOLVED.name(), TicketStatus.CLOSED.name()));
            }
            query.getResultList()
                    .forEach(r -> found.add(new Overdue((String) r[0], (String) r[1], due, ((Number) r[2]).longValue())));
        }
        return found;
    }

    /** @return whether this call set the flag (false when another node recorded the breach first) */
    boolean markBreached(EntityManager em, Overdue overdue) {
        String flag = "t." + overdue.due().flag;
        return em.createQuery("UPDATE TicketEntity t SET " + flag + " = TRUE WHERE t.id = :id AND " + flag + " = FALSE")
                .setParameter("id", overdue.ticketId()).executeUpdate() == 1;
    }

    private static List<SlaTargetEntity> targets(EntityManager em, String policyId) {
        return em.createQuery("SELECT t FROM SlaTargetEntity t WHERE t.policyId = :id", SlaTargetEntity.class)
                .setParameter("id", policyId).getResultList();
    }

    /** Makes the policy's target rows these: changes the kept, removes the others, adds the missing. */
    private static void writeTargets(EntityManager em, SlaPolicy p) {
        Map<String, SlaPolicy.Target> wanted = new HashMap<>();
        p.targets().forEach(t -> wanted.put(t.priority().name(), t));
        for (SlaTargetEntity row : targets(em, p.id())) {
            SlaPolicy.Target t = wanted.remove(row.priority);
            if (t == null) {
                em.remove(row);
            } else {
                row.firstResponseMinutes = t.firstResponseMinutes();
                row.resolutionMinutes = t.resolutionMinutes();
            }
        }
        for (SlaPolicy.Target t : wanted.values()) {
            SlaTargetEntity row = new SlaTargetEntity();
            row.policyId = p.id();
            row.priority = t.priority().name();
            row.firstResponseMinutes = t.firstResponseMinutes();
            row.resolutionMinutes = t.resolutionMinutes();
            em.persist(row);
        }
        em.flush();
    }

    private static void write(SlaPolicyEntity e, SlaPolicy p) {
        BusinessHours h = p.businessHours();
        e.name = p.name();
        e.plan = p.plan();
        e.position = p.position();
        e.timeZone = h == null ? null : h.timeZone();
        e.weekdays = h == null ? null : EnumSet.copyOf(h.weekdays()).stream().map(DayOfWeek::name)
                .collect(Collectors.joining(","));
        e.dayStart = h == null ? null : h.start().toString();
        e.dayEnd = h == null ? null : h.end().toString();
        e.updatedMs = p.updatedAt().toEpochMilli();
    }

    private static SlaPolicy policy(SlaPolicyEntity e, List<SlaPolicy.Target> targets) {
        BusinessHours hours = null;
        if (e.timeZone != null) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : e.weekdays.split(",")) {
                days.add(DayOfWeek.valueOf(d));
            }
            hours = new BusinessHours(e.timeZone, days, LocalTime.parse(e.dayStart), LocalTime.parse(e.dayEnd));
        }
        List<SlaPolicy.Target> sorted = new ArrayList<>(targets);
        sorted.sort((a, b) -> a.priority().compareTo(b.priority()));
        return new SlaPolicy(e.id, e.name, e.plan, e.position, hours, sorted, Instant.ofEpochMilli(e.createdMs),
                Instant.ofEpochMilli(e.updatedMs));
    }

    private static SlaPolicy.Target target(SlaTargetEntity t) {
        return new SlaPolicy.Target(TicketPriority.valueOf(t.priority), t.firstResponseMinutes, t.resolutionMinutes);
    }
}
