package org.alexandria.tickets.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.alexandria.api.ticket.Channel;
import org.alexandria.api.ticket.Environment;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketStatus;
import org.alexandria.api.ticket.TicketType;
import org.alexandria.tickets.internal.model.FieldType;
import org.alexandria.tickets.internal.model.FieldValues;
import org.jspecify.annotations.Nullable;

/** Tickets, their tags and custom field values in {@code tkt_ticket}, {@code tkt_ticket_tag}, {@code tkt_ticket_field}. */
public final class TicketStore {

    /** Prefix of human ticket keys. */
    public static final String KEY_PREFIX = "ALX-";
    /** Tickets per page of {@link #forEachIndexable}. */
    static final int PAGE = 500;
    private static final String COUNTER = "ticket";

    /**
     * Reserves a block of ticket numbers. The counter row is locked ({@code PESSIMISTIC_WRITE}) until the caller's
     * transaction ends, so two transactions (on any node) never reserve overlapping blocks; keep that transaction
     * short ({@link TicketNumbers} runs it alone).
     *
     * @param em    an entity manager in a transaction
     * @param count how many numbers, at least 1
     * @return the first number of the block; the block is {@code first .. first + count - 1}
     */
    public long reserve(EntityManager em, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        CounterEntity counter = em.find(CounterEntity.class, COUNTER, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            throw new StoreException("ticket counter row missing");
        }
        long first = counter.lastValue + 1;
        counter.lastValue += count;
        em.flush();
        return first;
    }

    /**
     * @param em     entity manager
     * @param ticket the new ticket
     * @param fields custom field values in stored form
     */
    public void insert(EntityManager em, Ticket ticket, Map<String, String> fields) {
        TicketEntity e = new TicketEntity();
        e.id = ticket.id();
        e.number = number(ticket.key());
        e.ticketKey = ticket.key();
        write(e, ticket);
        e.tags = new HashSet<>(ticket.tags());
        e.fields = new HashMap<>(fields);
        em.persist(e);
        em.flush();
    }

    /**
     * Rewrites a ticket's row, tags and custom field values.
     *
     * @param em     entity manager
     * @param ticket the ticket as it is now
     * @param fields all its custom field values in stored form
     */
    public void update(EntityManager em, Ticket ticket, Map<String, String> fields) {
        TicketEntity e = em.find(TicketEntity.class, ticket.id());
        if (e == null) {
            return;
        }
        write(e, ticket);
        // changed in place: EclipseLink writes the difference to the rows it loaded
        e.tags.retainAll(ticket.tags());
        e.tags.addAll(ticket.tags());
        e.fields.keySet().retainAll(fields.keySet());
        e.fields.putAll(fields);
        em.flush();
    }

    private static void write(TicketEntity e, Ticket t) {
        e.subject = t.subject();
        e.description = t.description();
        e.status = t.status().name();
        e.priority = t.priority().name();
        e.priorityRank = t.priority().ordinal();
        e.ticketType = t.type().name();
        e.channel = t.channel().name();
        e.requesterId = t.requesterId();
        e.organizationId = t.organizationId();
        e.assignee = t.assignee();
        e.groupName = t.group();
        e.product = t.product();
        e.appVersion = t.appVersion();
        e.envOs = t.environment().os();
        e.envDevice = t.environment().device();
        e.createdMs = t.createdAt().toEpochMilli();
        e.updatedMs = t.updatedAt().toEpochMilli();
        e.firstResponseMs = ms(t.firstResponseAt());
        e.solvedMs = ms(t.solvedAt());
        e.slaPolicyId = t.slaPolicyId();
        e.firstResponseDueMs = ms(t.firstResponseDueAt());
        e.resolutionDueMs = ms(t.resolutionDueAt());
        e.firstResponseBreached = t.firstResponseBreached();
        e.resolutionBreached = t.resolutionBreached();
    }

    /**
     * @param em       entity manager
     * @param sourceId the merged ticket
     * @param targetId the ticket it was merged into
     */
    public void markMerged(EntityManager em, String sourceId, String targetId) {
        TicketEntity e = em.find(TicketEntity.class, sourceId);
        if (e != null) {
            e.mergedInto = targetId;
            em.flush();
        }
    }

    /**
     * @param em        entity manager
     * @param idOrKey   ticket id or key (case-insensitive key)
     * @param forUpdate whether to lock the row ({@code PESSIMISTIC_WRITE}) until the transaction ends
     * @return the ticket
     */
    public Optional<Ticket> find(EntityManager em, String idOrKey, boolean forUpdate) {
        String lookup = idOrKey.strip();
        TicketEntity e;
        if (lookup.toUpperCase(Locale.ROOT).startsWith(KEY_PREFIX)) {
            TypedQuery<TicketEntity> query = em.createQuery("SELECT t FROM TicketEntity t WHERE t.ticketKey = :key",
                    TicketEntity.class).setParameter("key", lookup.toUpperCase(Locale.ROOT));
            if (forUpdate) {
                query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
            }
            e = query.getResultList().stream().findFirst().orElse(null);
        } else {
            e = forUpdate ? em.find(TicketEntity.class, lookup, LockModeType.PESSIMISTIC_WRITE)
                    : em.find(TicketEntity.class, lookup);
        }
        return e == null ? Optional.empty() : Optional.of(complete(em, List.of(e)).get(0));
    }

    /**
     * @param em       entity manager
     * @param ticketId a ticket
     * @return the id of the ticket it was merged into, if it was
     */
    public Optional<String> mergedInto(EntityManager em, String ticketId) {
        return em.createQuery("SELECT t.mergedInto FROM TicketEntity t WHERE t.id = :id", String.class)
                .setParameter("id", ticketId).getResultList().stream().filter(id -> id != null).findFirst();
    }

    /**
     * @param em     entity manager
     * @param search filters, sort and page
     * @return one page of tickets in the requested order
     */
    public List<Ticket> search(EntityManager em, TicketSearch search) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (search.text() != null && !search.text().isBlank()) {
            for (String word : search.text().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                int n = params.size();
                where.add("(LOWER(t.subject) LIKE :p" + n + " ESCAPE '\\' OR LOWER(t.description) LIKE :p" + n
                        + " ESCAPE '\\' OR LOWER(t.ticketKey) = :p" + (n + 1) + ")");
                params.put("p" + n, "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                params.put("p" + (n + 1), word);
            }
        }
        if (!search.statuses().isEmpty()) {
            where.add("t.status IN :statuses");
            params.put("statuses", search.statuses().stream().sorted().map(Enum::name).toList());
        }
        filter(where, params, "priority", search.priority() == null ? null : search.priority().name());
        filter(where, params, "assignee", search.assignee());
        filter(where, params, "groupName", search.group());
        filter(where, params, "requesterId", search.requesterId());
        filter(where, params, "organizationId", search.organizationId());
        filter(where, params, "product", search.product());
        if (search.tag() != null) {
            where.add(":tag MEMBER OF t.tags");
            params.put("tag", search.tag().toLowerCase(Locale.ROOT));
        }
        String sort = "t." + search.sort().attribute();
        String cmp = search.descending() ? " < " : " > ";
        if (search.after() != null) {
            where.add("(" + sort + cmp + ":afterValue OR (" + sort + " = :afterValue AND t.number" + cmp + ":afterNumber))");
            long value = search.after().value();
            params.put("afterValue", search.sort() == TicketSearch.Sort.PRIORITY ? (Object) (int) value : (Object) value);
            params.put("afterNumber", search.after().number());
        }
        String dir = search.descending() ? " DESC" : " ASC";
        String jpql = "SELECT t FROM TicketEntity t" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + sort + dir + ", t.number" + dir;
        TypedQuery<TicketEntity> query = em.createQuery(jpql, TicketEntity.class);
        params.forEach(query::setParameter);
        return complete(em, query.setMaxResults(search.limit()).getResultList());
    }

    private static void filter(List<String> where, Map<String, Object> params, String attribute, @Nullable String value) {
        if (value != null) {
            where.add("t." + attribute + " = :" + attribute);
            params.put(attribute, value);
        }
    }

    /**
     * @param ticket a ticket
     * @param sort   a sort column
     * @return the ticket's keyset position for that sort
     */
    public static TicketSearch.Position position(Ticket ticket, TicketSearch.Sort sort) {
        long value = switch (sort) {
            case CREATED -> ticket.createdAt().toEpochMilli();
            case UPDATED -> ticket.updatedAt().toEpochMilli();
            case PRIORITY -> ticket.priority().ordinal();
            case NUMBER -> number(ticket.key());
        };
        return new TicketSearch.Position(value, number(ticket.key()));
    }

    /**
     * Feeds every ticket that was not merged away to the consumer, in pages of {@link #PAGE} by number, for
     * rebuilding the duplicate index.
     *
     * @param em       entity manager
     * @param consumer receives id, subject, description, product and creation time
     */
    public void forEachIndexable(EntityManager em, Consumer<Indexable> consumer) {
        long after = 0;
        while (true) {
            List<Object[]> page = em.createQuery("SELECT t.number, t.id, t.subject, t.description, t.product, t.createdMs"
                    + " FROM TicketEntity t WHERE t.mergedInto IS NULL AND t.number > :after ORDER BY t.number",
                    Object[].class).setParameter("after", after).setMaxResults(PAGE).getResultList();
            for (Object[] row : page) {
                consumer.accept(new Indexable((String) row[1], (String) row[2], (String) row[3], (String) row[4],
                        Instant.ofEpochMilli(((Number) row[5]).longValue())));
            }
            if (page.size() < PAGE) {
                return;
            }
            after = ((Number) page.get(page.size() - 1)[0]).longValue();
        }
    }

    /**
     * What the duplicate index needs of a ticket.
     *
     * @param id          ticket id
     * @param subject     subject
     * @param description description
     * @param product     product
     * @param createdAt   creation time
     */
    public record Indexable(String id, String subject, String description, @Nullable String product,
            Instant createdAt) {
    }

    /**
     * @param em  entity manager
     * @param ids ticket ids
     * @return key and subject of those that exist, by id
     */
    public Map<String, String[]> keysAndSubjects(EntityManager em, Collection<String> ids) {
        Map<String, String[]> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        em.createQuery("SELECT t.id, t.ticketKey, t.subject FROM TicketEntity t WHERE t.id IN :ids", Object[].class)
                .setParameter("ids", List.copyOf(ids)).getResultList()
                .forEach(r -> found.put((String) r[0], new String[] {(String) r[1], (String) r[2]}));
        return found;
    }

    /**
     * @param em        entity manager
     * @param fieldName a custom field
     * @return how many tickets have a value for it
     */
    public long countFieldValues(EntityManager em, String fieldName) {
        return em.createQuery("SELECT COUNT(t) FROM TicketEntity t JOIN t.fields f WHERE KEY(f) = :name", Long.class)
                .setParameter("name", fieldName).getSingleResult();
    }

    /**
     * @param em entity manager
     * @return how many tickets there are
     */
    public long count(EntityManager em) {
        return em.createQuery("SELECT COUNT(t) FROM TicketEntity t", Long.class).getSingleResult();
    }

    /**
     * @param key a ticket key
     * @return its number
     */
    public static long number(String key) {
        return Long.parseLong(key.substring(KEY_PREFIX.length()));
    }

    /** Reads the tags and custom fields of the tickets with one query each, as typed values. */
    private static List<Ticket> complete(EntityManager em, List<TicketEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(t -> t.id).toList();
        Map<String, Set<String>> tags = new HashMap<>();
        em.createQuery("SELECT t.id, g FROM TicketEntity t JOIN t.tags g WHERE t.id IN :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> tags.computeIfAbsent((String) r[0], k -> new HashSet<>()).add((String) r[1]));
        Map<String, Map<String, Object>> fields = new HashMap<>();
        List<Object[]> values = em.createQuery("SELECT t.id, KEY(f), VALUE(f) FROM TicketEntity t JOIN t.fields f"
                + " WHERE t.id IN :ids", Object[].class).setParameter("ids", ids).getResultList();
        if (!values.isEmpty()) {
            Map<String, FieldType> types = new HashMap<>();
            em.createQuery("SELECT d.name, d.fieldType FROM FieldDefEntity d", Object[].class).getResultList()
                    .forEach(r -> types.put((String) r[0], FieldType.valueOf((String) r[1])));
            values.forEach(r -> fields.computeIfAbsent((String) r[0], k -> new HashMap<>()).put((String) r[1],
                    FieldValues.typed(types.get((String) r[1]), (String) r[2])));
        }
        return rows.stream().map(t -> ticket(t, tags.getOrDefault(t.id, Set.of()), fields.getOrDefault(t.id, Map.of())))
                .toList();
    }

    private static Ticket ticket(TicketEntity e, Set<String> tags, Map<String, Object> fields) {
        return new Ticket(e.id, e.ticketKey, e.subject, e.description, TicketStatus.valueOf(e.status),
                TicketPriority.valueOf(e.priority), TicketType.valueOf(e.ticketType), Channel.valueOf(e.channel),
                e.requesterId, e.organizationId, e.assignee, e.groupName, tags, fields, e.product, e.appVersion,
                new Environment(e.envOs, e.envDevice), Instant.ofEpochMilli(e.createdMs),
                Instant.ofEpochMilli(e.updatedMs), instant(e.firstResponseMs), instant(e.solvedMs), e.slaPolicyId,
                instant(e.firstResponseDueMs), instant(e.resolutionDueMs), e.firstResponseBreached,
                e.resolutionBreached);
    }

    static @Nullable Long ms(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static @Nullable Instant instant(@Nullable Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
