package org.alexandria.tickets.internal.service;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.event.EntityChange;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.event.Topics;
import org.alexandria.api.persistence.SchemaMigrator;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.ticket.AuthorType;
import org.alexandria.api.ticket.Channel;
import org.alexandria.api.ticket.Comment;
import org.alexandria.api.ticket.DuplicateCandidate;
import org.alexandria.api.ticket.Environment;
import org.alexandria.api.ticket.LinkType;
import org.alexandria.api.ticket.NewComment;
import org.alexandria.api.ticket.NewTicket;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketChanges;
import org.alexandria.api.ticket.TicketLink;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketStatus;
import org.alexandria.api.ticket.TicketSummary;
import org.alexandria.api.ticket.TicketTopics;
import org.alexandria.api.ticket.TicketType;
import org.alexandria.api.ticket.TicketUpdate;
import org.alexandria.api.ticket.Tickets;
import org.alexandria.api.ticket.Visibility;
import org.alexandria.tickets.internal.dedup.DuplicateMatch;
import org.alexandria.tickets.internal.model.Attachment;
import org.alexandria.tickets.internal.model.Customer;
import org.alexandria.tickets.internal.model.FieldDefinition;
import org.alexandria.tickets.internal.model.FieldType;
import org.alexandria.tickets.internal.store.ConversationStore;
import org.alexandria.tickets.internal.store.CustomerStore;
import org.alexandria.tickets.internal.store.FieldStore;
import org.alexandria.tickets.internal.store.TicketNumbers;
import org.alexandria.tickets.internal.store.TicketSearch;
import org.alexandria.tickets.internal.store.TicketStore;
import org.alexandria.tickets.internal.store.Transactions;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tickets: creation, changes, conversation, attachments, links, merging, custom fields and duplicate detection.
 * Every change runs in one database transaction; its audit entries, events and index updates follow once it has
 * committed ({@link Effects}). The duplicate index lives in memory and is rebuilt from the database at activation.
 */
@Component(service = {Tickets.class, TicketService.class}, configurationPid = TicketsConfig.PID)
@Designate(ocd = TicketsConfig.class)
public final class TicketService implements Tickets {

    /** The plugin id: module of the migrations, source of the events. */
    public static final String PLUGIN_ID = "tickets";
    /** Audit entity type of tickets; the entity id is the ticket key. */
    public static final String ENTITY = "ticket";
    /** Most tickets one bulk update may name. */
    public static final int MAX_BULK = 500;
    /** Longest subject. */
    public static final int MAX_SUBJECT = 500;
    /** Longest description or conversation entry. */
    public static final int MAX_TEXT = 200_000;

    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Set<String> CLEARABLE = Set.of("assignee", "group", "product", "appVersion", "environment", "tags");

    private final Transactions db;
    private final TicketStore tickets = new TicketStore();
    private final TicketNumbers numbers;
    private final ConversationStore conversation = new ConversationStore();
    private final CustomerStore customers = new CustomerStore();
    private final FieldStore fields = new FieldStore();
    private final AuditTrail audit;
    private final EventBus events;
    private final Clock clock;
    private final DuplicateFinder finder;
    private final List<TicketListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile TicketsConfig config;

    /**
     * @param emf      the {@code alexandria-tickets} persistence unit
     * @param migrator applies the plugin's schema migrations
     * @param audit      the audit trail
     * @param events     the event bus
     * @param config     configuration
     */
    @Activate
    public TicketService(@Reference(target = "(osgi.unit.name=alexandria-tickets)") EntityManagerFactory emf,
            @Reference SchemaMigrator migrator, @Reference AuditTrail audit, @Reference EventBus events,
            TicketsConfig config) {
        this(emf, migrator, audit, events, config, Clock.systemUTC());
    }

    TicketService(EntityManagerFactory emf, SchemaMigrator migrator, AuditTrail audit, EventBus events,
            TicketsConfig config, Clock clock) {
        migrator.migrate(PLUGIN_ID, TicketService.class, "db/migration/tickets");
        this.db = new Transactions(emf);
        this.numbers = new TicketNumbers(db, tickets);
        this.audit = audit;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.finder = new DuplicateFinder(Duration.ofMillis(config.duplicateRefreshMillis()));
        rebuildIndex();
    }

    @Modified
    void modified(TicketsConfig newConfig) {
        this.config = newConfig;
    }

    @Deactivate
    void deactivate() throws IOException {
        finder.close();
    }

    /** @return the configuration in force */
    public TicketsConfig config() {
        return config;
    }

    /** @return the database access shared with the plugin's other components */
    public Transactions db() {
        return db;
    }

    /** @param listener told about attachments and comments after they are committed */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeListener")
    public void addListener(TicketListener listener) {
        listeners.add(listener);
    }

    /** @param listener a listener added before */
    public void removeListener(TicketListener listener) {
        listeners.remove(listener);
    }

    private void rebuildIndex() {
        int[] count = {0};
        db.read("rebuilding the duplicate index", c -> {
            tickets.forEachIndexable(c, t -> {
                finder.put(t.id(), t.subject(), t.description(), t.product(), t.createdAt());
                count[0]++;
            });
            return null;
        });
        LOG.info("Duplicate index rebuilt from {} tickets", count[0]);
    }

    // ---- reading

    @Override
    public Optional<TicketSummary> find(String idOrKey) {
        return get(idOrKey).map(Ticket::summary);
    }

    @Override
    public Optional<Ticket> get(String idOrKey) {
        return db.read("reading ticket " + idOrKey, c -> tickets.find(c, idOrKey, false));
    }

    @Override
    public TicketChanges changes(Instant since, @Nullable String cursor, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000");
        }
        TicketSearch.Position after;
        if (cursor == null) {
            // "updated > since - 1 ms" is "updated >= since" on millisecond columns
            after = new TicketSearch.Position(since.toEpochMilli() - 1, Long.MAX_VALUE);
        } else {
            after = ChangeCursor.parse(cursor);
        }
        List<Ticket> page = search(new TicketSearch(null, Set.of(), null, null, null, null, null, null, null,
                TicketSearch.Sort.UPDATED, false, after, limit));
        TicketSearch.Position end = page.isEmpty() ? after : ChangeCursor.of(page.get(page.size() - 1));
        return new TicketChanges(page, ChangeCursor.format(end));
    }

    /**
     * @param idOrKey a ticket id or key
     * @return the ticket
     * @throws ProblemException 404 when there is none
     */
    public Ticket require(String idOrKey) {
        return get(idOrKey).orElseThrow(() -> notFound(idOrKey));
    }

    /** @return how many tickets there are; fails when the tables do not answer */
    public long count() {
        return db.read("checking the tickets table", tickets::count);
    }

    /**
     * @param search filters, sort and page
     * @return one page of tickets
     */
    public List<Ticket> search(TicketSearch search) {
        return db.read("searching tickets", c -> tickets.search(c, search));
    }

    @Override
    public List<Comment> comments(String idOrKey) {
        return db.read("reading the conversation of " + idOrKey,
                c -> conversation.comments(c, require(c, idOrKey, false).id()));
    }

    @Override
    public List<TicketLink> links(String idOrKey) {
        return db.read("reading the links of " + idOrKey, c -> conversation.links(c, require(c, idOrKey, false).id()));
    }

    /**
     * @param idOrKey a ticket
     * @return its attachments' metadata
     */
    public List<Attachment> attachments(String idOrKey) {
        return db.read("reading the attachments of " + idOrKey,
                c -> conversation.attachments(c, require(c, idOrKey, false).id()));
    }

    /**
     * An attachment with its content.
     *
     * @param attachment metadata
     * @param content    bytes
     */
    public record AttachmentContent(Attachment attachment, byte[] content) {
    }

    /**
     * @param idOrKey      a ticket
     * @param attachmentId one of its attachments
     * @return the attachment with its content
     */
    public AttachmentContent attachmentContent(String idOrKey, String attachmentId) {
        return db.read("reading an attachment of " + idOrKey, c -> {
            Ticket ticket = require(c, idOrKey, false);
            Attachment attachment = conversation.attachment(c, ticket.id(), attachmentId).orElseThrow(
                    () -> ProblemException.notFound("attachment " + attachmentId + " not found on " + ticket.key()));
            return new AttachmentContent(attachment, conversation.content(c, attachmentId).orElseThrow());
        });
    }

    // ---- duplicates

    @Override
    public List<DuplicateCandidate> possibleDuplicates(String subject, String description, int limit) {
        checkLimit(limit);
        return candidates(subject, description, now(), Set.of(), limit);
    }

    /**
     * @param idOrKey a ticket
     * @param limit   how many at most, 1..50
     * @return other tickets that may report the same thing, most likely first
     */
    public List<DuplicateCandidate> duplicatesOf(String idOrKey, int limit) {
        checkLimit(limit);
        Ticket ticket = require(idOrKey);
        return candidates(ticket.subject(), ticket.description(), ticket.createdAt(), Set.of(ticket.id()), limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 50) {
            throw new IllegalArgumentException("limit must be between 1 and 50, was " + limit);
        }
    }

    private List<DuplicateCandidate> candidates(String subject, String description, Instant created,
            Set<String> excluded, int limit) {
        List<DuplicateMatch> matches = finder.candidates(subject, description, created, excluded, limit);
        if (matches.isEmpty()) {
            return List.of();
        }
        Map<String, String[]> keys = db.read("reading duplicate candidates",
                c -> tickets.keysAndSubjects(c, matches.stream().map(DuplicateMatch::ticketId).toList()));
        List<DuplicateCandidate> candidates = new ArrayList<>();
        for (DuplicateMatch match : matches) {
            String[] keyAndSubject = keys.get(match.ticketId());
            if (keyAndSubject != null) {
                candidates.add(new DuplicateCandidate(match.ticketId(), keyAndSubject[0], keyAndSubject[1],
                        match.score(), match.explanation()));
            }
        }
        return candidates;
    }

    // ---- creating

    /**
     * A new ticket with the tickets it may duplicate.
     *
     * @param ticket             the new ticket
     * @param possibleDuplicates existing tickets that may report the same thing, most likely first
     */
    public record Created(Ticket ticket, List<DuplicateCandidate> possibleDuplicates) {
    }

    private static final int CREATE_ATTEMPTS = 3;

    @Override
    public Ticket create(NewTicket ticket, Actor actor) {
        long number = numbers.next();
        return creating("creating a ticket", (c, fx) -> createIn(c, number, ticket, actor, fx, false, null));
    }

    /**
     * @param ticket   what to open
     * @param actor    who opens it
     * @param fromText whether custom field values are text to parse (CSV) rather than typed JSON values
     * @param reason   why, for the audit trail (e.g. the import it came with)
     * @return the new ticket
     */
    public Ticket create(NewTicket ticket, Actor actor, boolean fromText, @Nullable String reason) {
        long number = numbers.next();
        return creating("creating a ticket", (c, fx) -> createIn(c, number, ticket, actor, fx, fromText, reason));
    }

    /**
     * @param ticket   what to open
     * @param actor    who opens it
     * @param fromText whether custom field values are text to parse (CSV import) rather than typed JSON values
     * @return the new ticket with its possible duplicates ({@code duplicateCandidates} of the configuration)
     */
    public Created createWithDuplicates(NewTicket ticket, Actor actor, boolean fromText) {
        long number = numbers.next();
        Ticket created = creating("creating a ticket", (c, fx) -> createIn(c, number, ticket, actor, fx, fromText, null));
        int k = config.duplicateCandidates();
        List<DuplicateCandidate> duplicates = k == 0 ? List.of()
                : candidates(created.subject(), created.description(), created.createdAt(), Set.of(created.id()), k);
        return new Created(created, duplicates);
    }

    @Override
    public Ticket createProblem(NewTicket problem, List<String> incidents, Actor actor) {
        NewTicket asProblem = new NewTicket(problem.subject(), problem.description(), TicketType.PROBLEM,
                problem.priority(), problem.channel(), problem.requesterId(), problem.requesterEmail(),
                problem.requesterName(), problem.assignee(), problem.group(), problem.tags(), problem.customFields(),
                problem.product(), problem.appVersion(), problem.environment());
        long number = numbers.next();
        return creating("creating a problem ticket", (c, fx) -> {
            List<Ticket> linked = new ArrayList<>();
            for (String incident : new LinkedHashSet<>(incidents)) {
                linked.add(require(c, incident, true));
            }
            Ticket created = createIn(c, number, asProblem, actor, fx, false, null);
            for (Ticket incident : linked) {
                linkIn(c, incident, LinkType.INCIDENT_OF, created, actor, fx);
            }
            return created;
        });
    }

    /** @param number the ticket's number, taken before the transaction (a block reservation is a transaction too) */
    private Ticket createIn(EntityManager c, long number, NewTicket n, Actor actor, Effects fx, boolean fromText,
            @Nullable String reason) {
        Instant now = now();
        String subject = subject(n.subject());
        String description = text("description", n.description());
        Customer requester = requester(c, n, actor, fx, now);
        Map<String, FieldDefinition> defs = fields.all(c);
        Map<String, String> stored = new HashMap<>();
        if (n.customFields() != null) {
            CustomFields.check(n.customFields(), defs, fromText).forEach((k, v) -> {
                if (v != null) {
                    stored.put(k, v);
                }
            });
        }
        CustomFields.checkRequired(stored, defs);
        String key = TicketStore.KEY_PREFIX + number;
        Ticket ticket = new Ticket(UUID.randomUUID().toString(), key, subject, description, TicketStatus.NEW,
                or(n.priority(), TicketPriority.NORMAL), or(n.type(), TicketType.QUESTION), or(n.channel(), Channel.API),
                requester.id(), requester.organizationId(), optional("assignee", n.assignee(), 200),
                optional("group", n.group(), 200), tags(n.tags()), typed(stored, defs),
                optional("product", n.product(), 200), optional("appVersion", n.appVersion(), 100),
                environment(n.environment()), now, now, null, null, null, null, null, false, false);
        ticket = withDueTimes(c, ticket, null);
        tickets.insert(c, ticket, stored);
        fx.audit.add(record(actor, "ticket.create", key, reason, null, TicketDiff.clip(describe(ticket))));
        fx.events.add(new Effects.Event(Topics.TICKET_CREATED, change(ticket, "created: " + ticket.subject())));
        reindex(fx, ticket);
        return ticket;
    }

    private Customer requester(EntityManager c, NewTicket n, Actor actor, Effects fx, Instant now) {
        if (n.requesterId() != null) {
            return customers.customer(c, n.requesterId()).orElseThrow(
                    () -> ProblemException.badRequest("requesterId '" + n.requesterId() + "' is not a known customer"));
        }
        String email = n.requesterEmail();
        if (email == null || email.isBlank()) {
            throw ProblemException.badRequest("a ticket needs a requester: give requesterId or requesterEmail");
        }
        String normalized = CustomerService.email(email);
        Optional<Customer> existing = customers.customerByEmail(c, normalized);
        if (existing.isPresent()) {
            return existing.get();
        }
        String name = n.requesterName() == null || n.requesterName().isBlank()
                ? normalized.substring(0, normalized.indexOf('@')) : n.requesterName().strip();
        Customer created = new Customer(UUID.randomUUID().toString(), CustomerService.name(name), normalized, null, null,
                null, null, null, List.of(), Set.of(Channel.EMAIL), Map.of(), now, now);
        customers.insertCustomer(c, created);
        fx.audit.add(new AuditRecord(actor, "customer.create", new EntityRef(CustomerService.CUSTOMER, created.id()),
                "requester of a new ticket", null, "name=" + created.name() + "; email=" + normalized));
        return created;
    }

    // ---- changing

    @Override
    public Ticket update(String idOrKey, TicketUpdate update, Actor actor) {
        return change("updating " + idOrKey, (c, fx) -> updateIn(c, idOrKey, update, actor, fx, null));
    }

    /**
     * @param idOrKey  the ticket
     * @param update   what to change
     * @param actor    who changes it
     * @param reason   why, for the audit trail
     * @return the ticket after the change
     */
    public Ticket update(String idOrKey, TicketUpdate update, Actor actor, @Nullable String reason) {
        return change("updating " + idOrKey, (c, fx) -> updateIn(c, idOrKey, update, actor, fx, reason));
    }

    private Ticket updateIn(EntityManager c, String idOrKey, TicketUpdate u, Actor actor, Effects fx,
            @Nullable String reason) {
        Ticket t = require(c, idOrKey, true);
        for (String name : u.clear()) {
            if (!CLEARABLE.contains(name) && !name.startsWith("customFields.")) {
                throw ProblemException.badRequest("cannot clear '" + name + "'; clearable: "
                        + new TreeSet<>(CLEARABLE) + " and customFields.<name>");
            }
        }
        Instant now = now();
        TicketStatus status = or(u.status(), t.status());
        StatusRules.check(t.key(), t.status(), status);
        String requesterId = t.requesterId();
        String organizationId = t.organizationId();
        if (u.requesterId() != null && !u.requesterId().equals(requesterId)) {
            Customer requester = customers.customer(c, u.requesterId()).orElseThrow(
                    () -> ProblemException.badRequest("requesterId '" + u.requesterId() + "' is not a known customer"));
            requesterId = requester.id();
            organizationId = requester.organizationId();
        }
        Map<String, FieldDefinition> defs = fields.all(c);
        Map<String, String> stored = new HashMap<>(CustomFields.stored(t.customFields()));
        Map<String, @Nullable Object> fieldChanges = new HashMap<>();
        if (u.customFields() != null) {
            fieldChanges.putAll(u.customFields());
        }
        u.clear().stream().filter(n -> n.startsWith("customFields.")).forEach(n -> fieldChanges.put(n.substring(13), null));
        CustomFields.check(fieldChanges, defs, false).forEach((k, v) -> {
            if (v == null) {
                stored.remove(k);
            } else {
                stored.put(k, v);
            }
        });
        CustomFields.checkRequired(stored, defs);
        Instant solvedAt = t.solvedAt();
        if (status == TicketStatus.SOLVED || status == TicketStatus.CLOSED) {
            solvedAt = solvedAt == null ? now : solvedAt;
        } else if (StatusRules.reopens(t.status(), status)) {
            solvedAt = null;
        }
        Ticket changed = new Ticket(t.id(), t.key(), u.subject() == null ? t.subject() : subject(u.subject()),
                u.description() == null ? t.description() : text("description", u.description()), status,
                or(u.priority(), t.priority()), or(u.type(), t.type()), t.channel(), requesterId, organizationId,
                pick(u, "assignee", u.assignee(), t.assignee(), 200), pick(u, "group", u.group(), t.group(), 200),
                u.clear().contains("tags") ? Set.of() : u.tags() == null ? t.tags() : tags(u.tags()),
                typed(stored, defs), pick(u, "product", u.product(), t.product(), 200),
                pick(u, "appVersion", u.appVersion(), t.appVersion(), 100),
                u.clear().contains("environment") ? Environment.UNKNOWN
                        : u.environment() == null ? t.environment() : environment(u.environment()),
                t.createdAt(), t.updatedAt(), t.firstResponseAt(), solvedAt, t.slaPolicyId(), t.firstResponseDueAt(),
                t.resolutionDueAt(), t.firstResponseBreached(), t.resolutionBreached());
        changed = withDueTimes(c, changed, t);
        TicketDiff diff = TicketDiff.of(t, changed);
        if (diff.isEmpty()) {
            return t;
        }
        changed = touch(changed, now);
        tickets.update(c, changed, stored);
        String action = StatusRules.reopens(t.status(), status) ? "ticket.reopen" : "ticket.update";
        fx.audit.add(record(actor, action, t.key(), reason, diff.before(), diff.after()));
        fx.events.add(new Effects.Event(Topics.TICKET_UPDATED, change(changed, "changed " + String.join(", ", diff.fields))));
        if (diff.textChanged()) {
            reindex(fx, changed);
        }
        return changed;
    }

    /**
     * The outcome of a bulk update for one ticket.
     *
     * @param ticket the id or key as given
     * @param ok     whether it was updated (or needed no change)
     * @param key    the ticket's key, when it exists
     * @param status HTTP status of the failure, or 200
     * @param error  why it failed, or null
     */
    public record BulkResult(String ticket, boolean ok, @Nullable String key, int status, @Nullable String error) {
    }

    /**
     * Applies one update to many tickets, each in its own transaction with its own audit entry; a failure on one
     * ticket does not stop the others.
     *
     * @param idsOrKeys the tickets, at most {@link #MAX_BULK}
     * @param update    what to change on each
     * @param actor     who changes them
     * @return one result per ticket, in the order given
     */
    public List<BulkResult> bulkUpdate(List<String> idsOrKeys, TicketUpdate update, Actor actor) {
        if (idsOrKeys.isEmpty() || idsOrKeys.size() > MAX_BULK) {
            throw ProblemException.badRequest("a bulk update names 1 to " + MAX_BULK + " tickets, not " + idsOrKeys.size());
        }
        if (update.isEmpty()) {
            throw ProblemException.badRequest("the bulk update changes nothing");
        }
        List<BulkResult> results = new ArrayList<>();
        for (String idOrKey : idsOrKeys) {
            try {
                Ticket t = update(idOrKey, update, actor, "bulk update of " + idsOrKeys.size() + " tickets");
                results.add(new BulkResult(idOrKey, true, t.key(), 200, null));
            } catch (ProblemException e) {
                results.add(new BulkResult(idOrKey, false, null, e.status(), e.getMessage()));
            } catch (IllegalArgumentException e) {
                results.add(new BulkResult(idOrKey, false, null, 400, e.getMessage()));
            }
        }
        return results;
    }

    // ---- conversation

    @Override
    public Comment addComment(String idOrKey, NewComment comment, Actor actor) {
        Comment added = change("commenting on " + idOrKey, (c, fx) -> {
            Ticket t = require(c, idOrKey, true);
            Instant now = now();
            Comment entry = new Comment(UUID.randomUUID().toString(), t.id(), actor.name(), comment.authorType(),
                    comment.visibility(), text("body", comment.body()), now, null);
            conversation.insertComment(c, entry);
            TicketStatus status = t.status();
            Instant firstResponse = t.firstResponseAt();
            if (comment.visibility() == Visibility.PUBLIC && comment.authorType() == AuthorType.AGENT) {
                firstResponse = firstResponse == null ? now : firstResponse;
                status = status == TicketStatus.NEW ? TicketStatus.OPEN : status;
            } else if (comment.visibility() == Visibility.PUBLIC && comment.authorType() == AuthorType.CUSTOMER
                    && (status == TicketStatus.SOLVED || status == TicketStatus.PENDING)) {
                status = TicketStatus.OPEN; // the requester answered
            }
            Ticket changed = new Ticket(t.id(), t.key(), t.subject(), t.description(), status, t.priority(), t.type(),
                    t.channel(), t.requesterId(), t.organizationId(), t.assignee(), t.group(), t.tags(),
                    t.customFields(), t.product(), t.appVersion(), t.environment(), t.createdAt(), now, firstResponse,
                    StatusRules.reopens(t.status(), status) ? null : t.solvedAt(), t.slaPolicyId(),
                    t.firstResponseDueAt(), t.resolutionDueAt(),
                    t.firstResponseBreached() || breached(firstResponse, t.firstResponseDueAt()), t.resolutionBreached());
            TicketDiff diff = TicketDiff.of(t, changed);
            tickets.update(c, changed, CustomFields.stored(t.customFields()));
            String what = (entry.visibility() == Visibility.PUBLIC ? "public reply" : "internal note") + " by "
                    + entry.authorType().name().toLowerCase(Locale.ROOT) + " " + entry.author();
            fx.audit.add(record(actor, "ticket.comment", t.key(), null, diff.isEmpty() ? null : diff.before(),
                    TicketDiff.clip(what + " (" + entry.body().length() + " characters)"
                            + (diff.isEmpty() ? "" : "; " + diff.after()))));
            fx.events.add(new Effects.Event(TicketTopics.COMMENTED, change(changed, what)));
            if (status != t.status()) {
                fx.events.add(new Effects.Event(Topics.TICKET_UPDATED, change(changed, "changed status")));
            }
            Ticket forListeners = changed;
            fx.after.add(() -> listeners.forEach(l -> l.commented(forListeners, entry)));
            return entry;
        });
        return added;
    }

    private static boolean breached(@Nullable Instant done, @Nullable Instant due) {
        return done != null && due != null && done.isAfter(due);
    }

    // ---- attachments

    /**
     * Stores an attachment; the content is read up to the configured limit.
     *
     * @param idOrKey     the ticket
     * @param fileName    file name (any path is dropped)
     * @param contentType media type, or null for {@code application/octet-stream}
     * @param content     the bytes
     * @param actor       who uploads it
     * @return the stored attachment's metadata
     * @throws ProblemException 413 when the content exceeds {@code maxAttachmentBytes}
     */
    public Attachment addAttachment(String idOrKey, String fileName, @Nullable String contentType, InputStream content,
            Actor actor) {
        String name = fileName(fileName);
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
        if (type.length() > 200) {
            throw ProblemException.badRequest("content type longer than 200 characters");
        }
        byte[] bytes = readLimited(content, config.maxAttachmentBytes());
        String sha256 = sha256(bytes);
        return change("attaching to " + idOrKey, (c, fx) -> {
            Ticket t = require(c, idOrKey, true);
            Instant now = now();
            Attachment attachment = new Attachment(UUID.randomUUID().toString(), t.id(), name, type, bytes.length,
                    sha256, actor.name(), now);
            conversation.insertAttachment(c, attachment, bytes);
            Ticket changed = touch(t, now);
            tickets.update(c, changed, CustomFields.stored(t.customFields()));
            fx.audit.add(record(actor, "ticket.attach", t.key(), null, null,
                    "attachment " + attachment.id() + ": " + name + " (" + type + ", " + bytes.length + " bytes, sha256 "
                            + sha256 + ")"));
            fx.events.add(new Effects.Event(Topics.TICKET_UPDATED, change(changed, "attached " + name)));
            fx.after.add(() -> listeners.forEach(l -> l.attached(changed, attachment, bytes)));
            return attachment;
        });
    }

    private static byte[] readLimited(InputStream in, long max) {
        try (InputStream stream = in) {
            byte[] bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new ProblemException(413, "payload-too-large", "Attachment too large",
                        "attachments are limited to " + max + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.badRequest("the attachment could not be read: " + e.getMessage());
        }
    }

    private static String fileName(String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(ch -> ch < 0x20)) {
            throw ProblemException.badRequest("an attachment needs a file name of 1 to 255 printable characters");
        }
        return name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    // ---- links and merging

    @Override
    public TicketLink link(String sourceIdOrKey, LinkType type, String targetIdOrKey, Actor actor) {
        return change("linking " + sourceIdOrKey, (c, fx) -> {
            Ticket source = require(c, sourceIdOrKey, false);
            Ticket target = require(c, targetIdOrKey, false);
            return linkIn(c, source, type, target, actor, fx);
        });
    }

    private TicketLink linkIn(EntityManager c, Ticket source, LinkType type, Ticket target, Actor actor, Effects fx) {
        if (source.id().equals(target.id())) {
            throw ProblemException.badRequest("a ticket cannot be linked to itself");
        }
        if (type == LinkType.INCIDENT_OF && target.type() != TicketType.PROBLEM) {
            throw ProblemException.badRequest(target.key() + " is a " + target.type().name().toLowerCase(Locale.ROOT)
                    + "; INCIDENT_OF links point to a problem ticket");
        }
        Optional<TicketLink> existing = conversation.findLink(c, source.id(), type, target.id());
        if (existing.isEmpty() && type == LinkType.RELATED) {
            existing = conversation.findLink(c, target.id(), type, source.id());
        }
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        conversation.insertLink(c, id, type, source.id(), target.id(), actor.name(), now());
        fx.audit.add(record(actor, "ticket.link", source.key(), null, null, "link " + id + ": " + source.key() + " "
                + type + " " + target.key()));
        fx.events.add(new Effects.Event(TicketTopics.LINKED, change(source, type + " " + target.key())));
        return conversation.link(c, id).orElseThrow();
    }

    /**
     * @param idOrKey one of the linked tickets
     * @param linkId  the link
     * @param actor   who removes it
     */
    public void unlink(String idOrKey, String linkId, Actor actor) {
        change("unlinking " + idOrKey, (c, fx) -> {
            Ticket t = require(c, idOrKey, false);
            TicketLink link = conversation.link(c, linkId)
                    .filter(l -> l.sourceId().equals(t.id()) || l.targetId().equals(t.id()))
                    .orElseThrow(() -> ProblemException.notFound("link " + linkId + " not found on " + t.key()));
            conversation.deleteLink(c, linkId);
            fx.audit.add(record(actor, "ticket.unlink", link.sourceKey(), null, "link " + linkId + ": " + link.sourceKey()
                    + " " + link.type() + " " + link.targetKey(), null));
            fx.events.add(new Effects.Event(TicketTopics.LINKED, change(t, "removed " + link.type() + " "
                    + (link.sourceId().equals(t.id()) ? link.targetKey() : link.sourceKey()))));
            return null;
        });
    }

    /**
     * Merges a ticket into another: its conversation and attachments move to the target, it is closed with a
     * {@link LinkType#DUPLICATE_OF} link to the target, and it leaves the duplicate index.
     *
     * @param sourceIdOrKey the duplicate
     * @param targetIdOrKey the ticket that stays
     * @param actor         who merges
     * @param reason        why, for the audit trail and the notes
     * @return the target after the merge
     */
    public Ticket merge(String sourceIdOrKey, String targetIdOrKey, Actor actor, @Nullable String reason) {
        return change("merging " + sourceIdOrKey, (c, fx) -> {
            Ticket source = require(c, sourceIdOrKey, false);
            Ticket target = require(c, targetIdOrKey, false);
            if (source.id().equals(target.id())) {
                throw ProblemException.badRequest("a ticket cannot be merged into itself");
            }
            // lock in ticket-number order so that two opposite merges cannot deadlock
            List<Ticket> ordered = new ArrayList<>(List.of(source, target));
            ordered.sort(Comparator.comparingLong(t -> TicketStore.number(t.key())));
            for (Ticket t : ordered) {
                tickets.find(c, t.id(), true);
            }
            source = require(c, source.id(), false);
            target = require(c, target.id(), false);
            Optional<String> sourceMerged = tickets.mergedInto(c, source.id());
            if (sourceMerged.isPresent()) {
                throw new ProblemException(409, "conflict", "Conflict", source.key() + " was already merged");
            }
            if (tickets.mergedInto(c, target.id()).isPresent()) {
                throw new ProblemException(409, "conflict", "Conflict", target.key()
                        + " was itself merged into another ticket; merge into that one");
            }
            if (target.status() == TicketStatus.CLOSED) {
                throw new ProblemException(409, "conflict", "Conflict", target.key() + " is closed; reopen it first");
            }
            Instant now = now();
            int comments = conversation.moveComments(c, source.id(), source.key(), target.id());
            int files = conversation.moveAttachments(c, source.id(), target.id());
            AuthorType author = actor.type() == Actor.Type.USER ? AuthorType.AGENT : AuthorType.SYSTEM;
            String why = reason == null || reason.isBlank() ? "" : ": " + reason.strip();
            conversation.insertComment(c, new Comment(UUID.randomUUID().toString(), target.id(), actor.name(), author,
                    Visibility.INTERNAL, source.key() + " (" + source.subject() + ") was merged into this ticket"
                            + why + "\n\n" + source.description(), now, source.key()));
            conversation.insertComment(c, new Comment(UUID.randomUUID().toString(), source.id(), actor.name(), author,
                    Visibility.INTERNAL, "Merged into " + target.key() + why, now, null));
            if (conversation.findLink(c, source.id(), LinkType.DUPLICATE_OF, target.id()).isEmpty()) {
                conversation.insertLink(c, UUID.randomUUID().toString(), LinkType.DUPLICATE_OF, source.id(),
                        target.id(), actor.name(), now);
            }
            Ticket closed = new Ticket(source.id(), source.key(), source.subject(), source.description(),
                    TicketStatus.CLOSED, source.priority(), source.type(), source.channel(), source.requesterId(),
                    source.organizationId(), source.assignee(), source.group(), source.tags(), source.customFields(),
                    source.product(), source.appVersion(), source.environment(), source.createdAt(), now,
                    source.firstResponseAt(), source.solvedAt() == null ? now : source.solvedAt(), source.slaPolicyId(),
                    source.firstResponseDueAt(), source.resolutionDueAt(), source.firstResponseBreached(),
                    source.resolutionBreached());
            tickets.update(c, closed, CustomFields.stored(source.customFields()));
            tickets.markMerged(c, source.id(), target.id());
            Ticket kept = touch(target, now);
            tickets.update(c, kept, CustomFields.stored(target.customFields()));
            String moved = comments + " conversation entries and " + files + " attachments moved";
            fx.audit.add(record(actor, "ticket.merge", source.key(), reason, "status=" + source.status(),
                    "status=CLOSED; merged into " + target.key() + " (DUPLICATE_OF); " + moved));
            fx.audit.add(record(actor, "ticket.merge-target", target.key(), reason, null,
                    "received " + source.key() + "; " + moved));
            fx.events.add(new Effects.Event(TicketTopics.MERGED, change(closed, "merged into " + target.key())));
            fx.events.add(new Effects.Event(Topics.TICKET_UPDATED, change(closed, "closed as duplicate of " + target.key())));
            fx.events.add(new Effects.Event(Topics.TICKET_UPDATED, change(kept, "received " + source.key())));
            fx.unindex.add(source.id());
            return kept;
        });
    }

    // ---- custom fields

    /** @return every custom field definition, by name */
    public Collection<FieldDefinition> fieldDefinitions() {
        return db.read("reading custom fields", fields::all).values();
    }

    /**
     * Defines or redefines a custom field. Its type cannot change while tickets have values for it.
     *
     * @param def   the definition
     * @param actor who defines it
     * @return the definition as stored
     */
    public FieldDefinition defineField(FieldDefinition def, Actor actor) {
        if (!FIELD_NAME.matcher(def.name()).matches()) {
            throw ProblemException.badRequest("a field name is a lower-case letter followed by up to 63 lower-case"
                    + " letters, digits or _: '" + def.name() + "'");
        }
        String label = def.label() == null || def.label().isBlank() ? def.name() : def.label().strip();
        if (label.length() > 200) {
            throw ProblemException.badRequest("label longer than 200 characters");
        }
        if ((def.type() == FieldType.ENUM) == def.options().isEmpty()) {
            throw ProblemException.badRequest(def.type() == FieldType.ENUM ? "an enum field needs options"
                    : "only enum fields have options");
        }
        for (String option : def.options()) {
            if (option.isBlank() || option.length() > 200 || option.contains("\n")) {
                throw ProblemException.badRequest("options are 1 to 200 characters on one line: '" + option + "'");
            }
        }
        if (new LinkedHashSet<>(def.options()).size() != def.options().size()) {
            throw ProblemException.badRequest("options must be distinct");
        }
        FieldDefinition clean = new FieldDefinition(def.name(), label, def.type(), def.options(), def.required());
        return change("defining custom field " + def.name(), (c, fx) -> {
            FieldDefinition old = fields.all(c).get(clean.name());
            if (old != null && old.type() != clean.type() && tickets.countFieldValues(c, clean.name()) > 0) {
                throw new ProblemException(409, "conflict", "Conflict", "tickets have values for '" + clean.name()
                        + "'; its type cannot change from " + old.type() + " to " + clean.type());
            }
            fields.put(c, clean, now());
            fx.audit.add(new AuditRecord(actor, old == null ? "ticket-field.create" : "ticket-field.update",
                    new EntityRef("ticket-field", clean.name()), null, old == null ? null : old.toString(),
                    clean.toString()));
            return clean;
        });
    }

    // ---- SLA hook (see SlaService)

    private volatile @Nullable DueTimes dueTimes;

    /** @param times computes a ticket's SLA due times */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetDueTimes")
    public void setDueTimes(DueTimes times) {
        this.dueTimes = times;
    }

    /** @param times the due-time provider that goes away */
    public void unsetDueTimes(DueTimes times) {
        if (this.dueTimes == times) {
            this.dueTimes = null;
        }
    }

    private Ticket withDueTimes(EntityManager c, Ticket ticket, @Nullable Ticket before) {
        DueTimes times = dueTimes;
        return times == null ? ticket : times.apply(c, ticket, before);
    }

    // ---- plumbing

    @FunctionalInterface
    private interface Change<T> {
        T run(EntityManager em, Effects effects);
    }

    /** Runs a change in one transaction, then carries out its effects. */
    /**
     * Runs a creation, again when it lost a race on a unique value: two tickets from the same new requester at
     * once both try to create the customer, and the loser's transaction fails on the unique email. The retry
     * finds the winner's customer. Each attempt is a fresh transaction with fresh effects.
     */
    private <T> T creating(String what, Change<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return change(what, work);
            } catch (ProblemException e) {
                if (attempt == CREATE_ATTEMPTS || e.status() != 409 || !"conflict".equals(e.type())) {
                    throw e;
                }
            }
        }
    }

    private <T> T change(String what, Change<T> work) {
        Effects fx = new Effects();
        T result = db.tx(what, c -> work.run(c, fx));
        apply(fx);
        return result;
    }

    /**
     * Records effects of work done by other components of the plugin (SLA checks, imports) the same way.
     *
     * @param actor  who
     * @param action audit action
     * @param key    ticket key
     * @param after  what happened
     * @param topic  event topic
     * @param ticket the ticket
     * @param summary event summary
     */
    public void recordExternal(Actor actor, String action, String key, String after, String topic, Ticket ticket,
            String summary) {
        Effects fx = new Effects();
        fx.audit.add(record(actor, action, key, null, null, TicketDiff.clip(after)));
        fx.events.add(new Effects.Event(topic, change(ticket, summary)));
        apply(fx);
    }

    private void apply(Effects fx) {
        for (String id : fx.unindex) {
            try {
                finder.remove(id);
            } catch (RuntimeException e) {
                LOG.warn("Duplicate index: {}", e.getMessage(), e);
            }
        }
        for (String id : fx.reindex) {
            get(id).ifPresent(t -> {
                try {
                    finder.put(t.id(), t.subject(), t.description(), t.product(), t.createdAt());
                } catch (RuntimeException e) {
                    LOG.warn("Duplicate index: {}", e.getMessage(), e);
                }
            });
        }
        for (AuditRecord entry : fx.audit) {
            try {
                audit.append(entry);
            } catch (RuntimeException e) {
                LOG.error("Audit entry {} for {} could not be written after the change committed", entry.action(),
                        entry.target().id(), e);
            }
        }
        for (Effects.Event event : fx.events) {
            events.publish(event.topic(), PLUGIN_ID, event.payload());
        }
        for (Runnable after : fx.after) {
            try {
                after.run();
            } catch (RuntimeException e) {
                LOG.warn("Ticket listener failed: {}", e.getMessage(), e);
            }
        }
    }

    private static void reindex(Effects fx, Ticket ticket) {
        fx.reindex.add(ticket.id());
    }

    private Ticket require(EntityManager c, String idOrKey, boolean lock) {
        return tickets.find(c, idOrKey, lock).orElseThrow(() -> notFound(idOrKey));
    }

    private static ProblemException notFound(String idOrKey) {
        return ProblemException.notFound("ticket " + idOrKey + " not found");
    }

    private static AuditRecord record(Actor actor, String action, String key, @Nullable String reason,
            @Nullable String before, @Nullable String after) {
        return new AuditRecord(actor, action, new EntityRef(ENTITY, key),
                reason == null ? null : TicketDiff.clip(reason), before, after);
    }

    private static EntityChange change(Ticket ticket, String summary) {
        String text = ticket.key() + " " + summary;
        return new EntityChange(ENTITY, ticket.id(), text.length() > 300 ? text.substring(0, 299) + "…" : text);
    }

    private static String describe(Ticket t) {
        return "subject=" + t.subject() + "; status=" + t.status() + "; priority=" + t.priority() + "; type=" + t.type()
                + "; channel=" + t.channel() + "; requesterId=" + t.requesterId() + "; assignee=" + t.assignee()
                + "; group=" + t.group() + "; tags=" + new TreeSet<>(t.tags()) + "; customFields="
                + new java.util.TreeMap<>(t.customFields()) + "; product=" + t.product() + "; appVersion="
                + t.appVersion();
    }

    private static Ticket touch(Ticket t, Instant now) {
        return new Ticket(t.id(), t.key(), t.subject(), t.description(), t.status(), t.priority(), t.type(), t.channel(),
                t.requesterId(), t.organizationId(), t.assignee(), t.group(), t.tags(), t.customFields(), t.product(),
                t.appVersion(), t.environment(), t.createdAt(), now, t.firstResponseAt(), t.solvedAt(), t.slaPolicyId(),
                t.firstResponseDueAt(), t.resolutionDueAt(), t.firstResponseBreached(), t.resolutionBreached());
    }

    private static Map<String, Object> typed(Map<String, String> stored, Map<String, FieldDefinition> defs) {
        Map<String, Object> typed = new HashMap<>();
        stored.forEach((name, value) -> typed.put(name,
                org.alexandria.tickets.internal.model.FieldValues.typed(defs.get(name).type(), value)));
        return typed;
    }

    private static String subject(@Nullable String subject) {
        if (subject == null || subject.isBlank()) {
            throw ProblemException.badRequest("subject is required");
        }
        String s = subject.strip();
        if (s.length() > MAX_SUBJECT) {
            throw ProblemException.badRequest("subject is longer than " + MAX_SUBJECT + " characters");
        }
        return s;
    }

    private static String text(String field, @Nullable String text) {
        if (text == null || (field.equals("body") && text.isBlank())) {
            throw ProblemException.badRequest(field + " is required");
        }
        if (text.length() > MAX_TEXT) {
            throw ProblemException.badRequest(field + " is longer than " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static @Nullable String optional(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ProblemException.badRequest(field + " is longer than " + max + " characters");
        }
        return v;
    }

    private static @Nullable String pick(TicketUpdate u, String field, @Nullable String value, @Nullable String current,
            int max) {
        if (u.clear().contains(field)) {
            if (value != null) {
                throw ProblemException.badRequest(field + " is both set and cleared");
            }
            return null;
        }
        return value == null ? current : optional(field, value, max);
    }

    private static Environment environment(@Nullable Environment environment) {
        if (environment == null) {
            return Environment.UNKNOWN;
        }
        return new Environment(optional("environment.os", environment.os(), 200),
                optional("environment.device", environment.device(), 200));
    }

    /**
     * @param tags tags as given
     * @return trimmed, lower-case tags
     * @throws ProblemException 400 for a tag that is empty, too long or contains white space or commas
     */
    public static Set<String> tags(@Nullable Collection<String> tags) {
        if (tags == null) {
            return Set.of();
        }
        Set<String> clean = new TreeSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty() || t.length() > 100 || t.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == ',')) {
                throw ProblemException.badRequest("tags are 1 to 100 characters without spaces or commas: '" + tag + "'");
            }
            clean.add(t);
        }
        if (clean.size() > 50) {
            throw ProblemException.badRequest("a ticket has at most 50 tags");
        }
        return clean;
    }

    private static <T> T or(@Nullable T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** @return the current time at the database's millisecond precision, so answers equal what is read back */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
