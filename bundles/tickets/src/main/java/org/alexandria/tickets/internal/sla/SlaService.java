package org.alexandria.tickets.internal.sla;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.persistence.EntityManager;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketTopics;
import org.alexandria.tickets.internal.service.DueTimes;
import org.alexandria.tickets.internal.service.TicketService;
import org.alexandria.tickets.internal.service.TicketsConfig;
import org.alexandria.tickets.internal.store.CustomerStore;
import org.alexandria.tickets.internal.store.Transactions;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SLA policies: sets a ticket's policy and due times when it is created or its priority or requester changes, and
 * looks for overdue first responses and resolutions every {@code slaCheckSeconds}. A breach is recorded once, by the
 * node whose conditional update flips the ticket's breach flag, as audit entry {@code ticket.sla-breach} and event
 * {@link TicketTopics#SLA_BREACHED}.
 */
@Component(service = {DueTimes.class, SlaService.class}, immediate = true, configurationPid = TicketsConfig.PID)
public final class SlaService implements DueTimes {

    /** Audit entity type of policies. */
    public static final String ENTITY = "sla-policy";
    /** The actor of breach records. */
    public static final Actor CHECKER = Actor.system("tickets-sla");
    /** Longest target: a year of business minutes. */
    public static final int MAX_MINUTES = 525_600;

    private static final Logger LOG = LoggerFactory.getLogger(SlaService.class);

    /**
     * Business hours as given in a request.
     *
     * @param timeZone IANA zone
     * @param weekdays working days
     * @param start    {@code HH:mm}
     * @param end      {@code HH:mm}
     */
    public record HoursInput(@Nullable String timeZone, @Nullable List<DayOfWeek> weekdays, @Nullable String start,
            @Nullable String end) {
    }

    /**
     * A policy as given in a request.
     *
     * @param name          unique name
     * @param plan          requester plan it applies to; null for all
     * @param position      order of matching, lowest first; 0 when null
     * @param businessHours business hours; null for around the clock
     * @param targets       targets per priority
     */
    public record PolicyInput(@Nullable String name, @Nullable String plan, @Nullable Integer position,
            @Nullable HoursInput businessHours, @Nullable List<SlaPolicy.Target> targets) {
    }

    private final TicketService tickets;
    private final AuditTrail audit;
    private final Transactions db;
    private final SlaStore store = new SlaStore();
    private final CustomerStore customers = new CustomerStore();
    private final Clock clock;
    private final @Nullable ScheduledExecutorService scheduler;

    /**
     * @param tickets the ticket service
     * @param audit   the audit trail
     * @param config  configuration (check period)
     */
    @Activate
    public SlaService(@Reference TicketService tickets, @Reference AuditTrail audit, TicketsConfig config) {
        this(tickets, audit, Clock.systemUTC(), config.slaCheckSeconds());
    }

    /**
     * @param tickets       the ticket service
     * @param audit         the audit trail
     * @param clock         the clock
     * @param checkSeconds  breach check period; 0 for no scheduled check (tests call {@link #checkBreaches()})
     */
    public SlaService(TicketService tickets, AuditTrail audit, Clock clock, int checkSeconds) {
        this.tickets = tickets;
        this.audit = audit;
        this.db = tickets.db();
        this.clock = clock;
        if (checkSeconds > 0) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "alexandria-tickets-sla");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::checkSafely, checkSeconds, checkSeconds, TimeUnit.SECONDS);
        } else {
            scheduler = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    // ---- due times

    @Override
    public Ticket apply(EntityManager c, Ticket t, @Nullable Ticket before) {
        String policyId = t.slaPolicyId();
        Instant firstDue = t.firstResponseDueAt();
        Instant resolutionDue = t.resolutionDueAt();
        if (before == null || before.priority() != t.priority() || !Objects.equals(before.requesterId(), t.requesterId())) {
            Optional<SlaPolicy> policy = match(c, t.requesterId());
            Optional<SlaPolicy.Target> target = policy.flatMap(p -> p.target(t.priority()));
            policyId = policy.map(SlaPolicy::id).orElse(null);
            firstDue = target.map(SlaPolicy.Target::firstResponseMinutes)
                    .map(m -> policy.get().due(t.createdAt(), m)).orElse(null);
            resolutionDue = target.map(SlaPolicy.Target::resolutionMinutes)
                    .map(m -> policy.get().due(t.createdAt(), m)).orElse(null);
        }
        boolean firstBreached = t.firstResponseBreached() || late(t.firstResponseAt(), firstDue);
        boolean resolutionBreached = t.resolutionBreached() || late(t.solvedAt(), resolutionDue);
        return new Ticket(t.id(), t.key(), t.subject(), t.description(), t.status(), t.priority(), t.type(), t.channel(),
                t.requesterId(), t.organizationId(), t.assignee(), t.group(), t.tags(), t.customFields(), t.product(),
                t.appVersion(), t.environment(), t.createdAt(), t.updatedAt(), t.firstResponseAt(), t.solvedAt(),
                policyId, firstDue, resolutionDue, firstBreached, resolutionBreached);
    }

    private static boolean late(@Nullable Instant done, @Nullable Instant due) {
        return done != null && due != null && done.isAfter(due);
    }

    private Optional<SlaPolicy> match(EntityManager c, String requesterId) {
        List<String> plans = customers.plans(c, requesterId);
        return store.all(c).stream().filter(p -> p.plan() == null || plans.contains(p.plan())).findFirst();
    }

    // ---- breach check

    private void checkSafely() {
        try {
            checkBreaches();
        } catch (RuntimeException e) {
            LOG.error("SLA breach check failed; trying again at the next period", e);
        }
    }

    /**
     * Records every first response and resolution that became overdue since the last check.
     *
     * @return how many breaches this call recorded
     */
    public int checkBreaches() {
        Instant now = now();
        List<SlaStore.Overdue> overdue = db.read("looking for SLA breaches", c -> store.overdue(c, now));
        int recorded = 0;
        for (SlaStore.Overdue breach : overdue) {
            boolean mine = db.tx("recording an SLA breach of " + breach.key(), c -> store.markBreached(c, breach));
            if (!mine) {
                continue; // another node recorded it first
            }
            recorded++;
            String kind = breach.due().label;
            String what = kind + " was due at " + Instant.ofEpochMilli(breach.dueMs());
            Optional<Ticket> ticket = tickets.get(breach.ticketId());
            ticket.ifPresent(t -> tickets.recordExternal(CHECKER, "ticket.sla-breach", t.key(), what + "; checked at " + now,
                    TicketTopics.SLA_BREACHED, t, kind + " overdue"));
        }
        return recorded;
    }

    // ---- policies

    /** @return every policy in matching order */
    public List<SlaPolicy> policies() {
        return db.read("reading SLA policies", store::all);
    }

    /**
     * @param id a policy id
     * @return the policy
     */
    public SlaPolicy policy(String id) {
        return db.read("reading SLA policy " + id, c -> store.find(c, id))
                .orElseThrow(() -> ProblemException.notFound("SLA policy " + id + " not found"));
    }

    /**
     * @param input the policy
     * @param actor who creates it
     * @return the new policy
     */
    public SlaPolicy create(PolicyInput input, Actor actor) {
        Instant now = now();
        SlaPolicy policy = validate(UUID.randomUUID().toString(), input, now, now);
        db.tx("creating SLA policy " + policy.name(), c -> {
            store.insert(c, policy);
            return null;
        });
        audit.append(new AuditRecord(actor, "sla-policy.create", new EntityRef(ENTITY, policy.id()), null, null,
                clip(policy.toString())));
        return policy;
    }

    /**
     * Replaces a policy; tickets keep the due times they have (new times apply to tickets created or re-prioritized
     * from now on).
     *
     * @param id    the policy
     * @param input the new policy
     * @param actor who changes it
     * @return the policy after the change
     */
    public SlaPolicy replace(String id, PolicyInput input, Actor actor) {
        SlaPolicy old = policy(id);
        SlaPolicy policy = validate(id, input, old.createdAt(), now());
        db.tx("changing SLA policy " + id, c -> {
            store.update(c, policy);
            return null;
        });
        audit.append(new AuditRecord(actor, "sla-policy.update", new EntityRef(ENTITY, id), null, clip(old.toString()),
                clip(policy.toString())));
        return policy;
    }

    /**
     * @param id    the policy
     * @param actor who deletes it
     */
    public void delete(String id, Actor actor) {
        SlaPolicy old = policy(id);
        db.tx("deleting SLA policy " + id, c -> store.delete(c, id));
        audit.append(new AuditRecord(actor, "sla-policy.delete", new EntityRef(ENTITY, id), null, clip(old.toString()),
                null));
    }

    private static SlaPolicy validate(String id, PolicyInput in, Instant created, Instant updated) {
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 200) {
            throw ProblemException.badRequest("name is required, at most 200 characters");
        }
        String plan = in.plan() == null || in.plan().isBlank() ? null : in.plan().strip();
        if (in.targets() == null || in.targets().isEmpty()) {
            throw ProblemException.badRequest("a policy needs targets for at least one priority");
        }
        EnumSet<TicketPriority> seen = EnumSet.noneOf(TicketPriority.class);
        for (SlaPolicy.Target t : in.targets()) {
            if (t == null || t.priority() == null) {
                throw ProblemException.badRequest("each target needs a priority");
            }
            if (!seen.add(t.priority())) {
                throw ProblemException.badRequest("priority " + t.priority() + " has two targets");
            }
            checkMinutes(t.priority() + " firstResponseMinutes", t.firstResponseMinutes());
            checkMinutes(t.priority() + " resolutionMinutes", t.resolutionMinutes());
        }
        return new SlaPolicy(id, in.name().strip(), plan, in.position() == null ? 0 : in.position(),
                hours(in.businessHours()), in.targets(), created, updated);
    }

    private static void checkMinutes(String field, @Nullable Integer minutes) {
        if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
            throw ProblemException.badRequest(field + " must be between 1 and " + MAX_MINUTES + ", was " + minutes);
        }
    }

    private static @Nullable BusinessHours hours(@Nullable HoursInput in) {
        if (in == null) {
            return null;
        }
        if (in.timeZone() == null || in.weekdays() == null || in.start() == null || in.end() == null) {
            throw ProblemException.badRequest("businessHours needs timeZone, weekdays, start and end");
        }
        try {
            return new BusinessHours(in.timeZone(), in.weekdays().isEmpty() ? EnumSet.noneOf(DayOfWeek.class)
                    : EnumSet.copyOf(in.weekdays()), LocalTime.parse(in.start()), LocalTime.parse(in.end()));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("businessHours start and end are local times such as 09:00: "
                    + e.getParsedString());
        } catch (DateTimeException | IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid businessHours: " + e.getMessage());
        }
    }

    private static String clip(String text) {
        return text.length() <= AuditRecord.MAX_TEXT ? text : text.substring(0, AuditRecord.MAX_TEXT - 1) + "…";
    }

    /** @return the current time at the database's millisecond precision, so answers equal what is read back */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
