package org.alexandria.tickets.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.alexandria.api.ticket.Channel;
import org.alexandria.tickets.internal.model.Customer;
import org.alexandria.tickets.internal.model.Organization;
import org.alexandria.tickets.internal.model.ProductUse;
import org.jspecify.annotations.Nullable;

/** Customers and organizations with their segmentation attributes. */
public final class CustomerStore {

    private static final String ORG = "organization";
    private static final String CUSTOMER = "customer";

    /**
     * Keyset position in a list ordered by name, then id.
     *
     * @param name name of the last row
     * @param id   id of the last row
     */
    public record After(String name, String id) {
    }

    // ---- organizations

    /**
     * @param em           entity manager
     * @param organization the new organization
     */
    public void insertOrganization(EntityManager em, Organization organization) {
        OrganizationEntity e = new OrganizationEntity();
        e.id = organization.id();
        e.createdMs = organization.createdAt().toEpochMilli();
        write(e, organization);
        em.persist(e);
        em.flush();
        writeProducts(em, ORG, organization.id(), organization.products());
    }

    /**
     * @param em           entity manager
     * @param organization the organization as it is now
     */
    public void updateOrganization(EntityManager em, Organization organization) {
        OrganizationEntity e = em.find(OrganizationEntity.class, organization.id());
        if (e != null) {
            write(e, organization);
            em.flush();
        }
        writeProducts(em, ORG, organization.id(), organization.products());
    }

    private static void write(OrganizationEntity e, Organization o) {
        write(e, o.name(), o.plan(), o.tier(), o.region(), o.updatedAt());
        e.domain = o.domain();
    }

    private static void write(PartyEntity e, String name, @Nullable String plan, @Nullable String tier,
            @Nullable String region, Instant updatedAt) {
        e.name = name;
        e.plan = plan;
        e.tier = tier;
        e.region = region;
        e.updatedMs = updatedAt.toEpochMilli();
    }

    /**
     * @param em entity manager
     * @param id organization id
     * @return the organization
     */
    public Optional<Organization> organization(EntityManager em, String id) {
        OrganizationEntity e = em.find(OrganizationEntity.class, id);
        return e == null ? Optional.empty() : Optional.of(withProducts(em, List.of(e)).get(0));
    }

    /**
     * @param em    entity manager
     * @param text  part of the name, or null
     * @param after keyset position, or null for the first page
     * @param limit page size
     * @return one page ordered by name
     */
    public List<Organization> organizations(EntityManager em, @Nullable String text, @Nullable After after, int limit) {
        return withProducts(em, page(em, OrganizationEntity.class, new ArrayList<>(), new LinkedHashMap<>(), text, after,
                limit));
    }

    /**
     * @param em entity manager
     * @param id organization id
     * @return whether it existed
     */
    public boolean deleteOrganization(EntityManager em, String id) {
        writeProducts(em, ORG, id, List.of());
        return Transactions.remove(em, OrganizationEntity.class, id);
    }

    /**
     * @param em entity manager
     * @param id organization id
     * @return how many customers and tickets belong to it
     */
    public long organizationReferences(EntityManager em, String id) {
        return em.createQuery("SELECT COUNT(c) FROM CustomerEntity c WHERE c.organizationId = :id", Long.class)
                .setParameter("id", id).getSingleResult()
                + em.createQuery("SELECT COUNT(t) FROM TicketEntity t WHERE t.organizationId = :id", Long.class)
                        .setParameter("id", id).getSingleResult();
    }

    // ---- customers

    /**
     * @param em       entity manager
     * @param customer the new customer
     */
    public void insertCustomer(EntityManager em, Customer customer) {
        CustomerEntity e = new CustomerEntity();
        e.id = customer.id();
        e.createdMs = customer.createdAt().toEpochMilli();
        write(e, customer);
        e.channels = channels(customer);
        e.consents = new HashMap<>(customer.consents());
        em.persist(e);
        em.flush();
        writeProducts(em, CUSTOMER, customer.id(), customer.products());
    }

    /**
     * @param em       entity manager
     * @param customer the customer as it is now
     */
    public void updateCustomer(EntityManager em, Customer customer) {
        CustomerEntity e = em.find(CustomerEntity.class, customer.id());
        if (e != null) {
            write(e, customer);
            // changed in place: EclipseLink writes the difference to the rows it loaded
            Set<String> channels = channels(customer);
            e.channels.retainAll(channels);
            e.channels.addAll(channels);
            e.consents.keySet().retainAll(customer.consents().keySet());
            e.consents.putAll(customer.consents());
            em.flush();
        }
        writeProducts(em, CUSTOMER, customer.id(), customer.products());
    }

    private static void write(CustomerEntity e, Customer c) {
        write(e, c.name(), c.plan(), c.tier(), c.region(), c.updatedAt());
        e.email = c.email();
        e.phone = c.phone();
        e.organizationId = c.organizationId();
    }

    private static Set<String> channels(Customer customer) {
        Set<String> names = new HashSet<>();
        customer.contactChannels().forEach(c -> names.add(c.name()));
        return names;
    }

    /**
     * @param em entity manager
     * @param id customer id
     * @return the customer
     */
    public Optional<Customer> customer(EntityManager em, String id) {
        CustomerEntity e = em.find(CustomerEntity.class, id);
        return e == null ? Optional.empty() : Optional.of(withDetails(em, List.of(e)).get(0));
    }

    /**
     * @param em    entity manager
     * @param email email address (any case)
     * @return the customer with that email
     */
    public Optional<Customer> customerByEmail(EntityManager em, String email) {
        List<CustomerEntity> found = em.createQuery("SELECT c FROM CustomerEntity c WHERE c.email = :email",
                CustomerEntity.class).setParameter("email", email.strip().toLowerCase(Locale.ROOT)).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(withDetails(em, found.subList(0, 1)).get(0));
    }

    /**
     * @param em             entity manager
     * @param text           part of the name or email, or null
     * @param organizationId only this organization's customers, or null
     * @param after          keyset position, or null for the first page
     * @param limit          page size
     * @return one page ordered by name
     */
    public List<Customer> customers(EntityManager em, @Nullable String text, @Nullable String organizationId,
            @Nullable After after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (organizationId != null) {
            where.add("e.organizationId = :org");
            params.put("org", organizationId);
        }
        return withDetails(em, page(em, CustomerEntity.class, where, params, text, after, limit));
    }

    /**
     * @param em entity manager
     * @param id customer id
     * @return whether it existed
     */
    public boolean deleteCustomer(EntityManager em, String id) {
        writeProducts(em, CUSTOMER, id, List.of());
        return Transactions.remove(em, CustomerEntity.class, id);
    }

    /**
     * @param em entity manager
     * @param id customer id
     * @return how many tickets it requested
     */
    public long customerReferences(EntityManager em, String id) {
        return em.createQuery("SELECT COUNT(t) FROM TicketEntity t WHERE t.requesterId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
    }

    /**
     * @param em         entity manager
     * @param customerId a customer
     * @return the plans of the customer and of its organization that are set, the customer's first
     */
    public List<String> plans(EntityManager em, String customerId) {
        List<String> plans = new ArrayList<>();
        CustomerEntity c = em.find(CustomerEntity.class, customerId);
        if (c != null) {
            if (c.plan != null) {
                plans.add(c.plan);
            }
            OrganizationEntity o = c.organizationId == null ? null : em.find(OrganizationEntity.class, c.organizationId);
            if (o != null && o.plan != null) {
                plans.add(o.plan);
            }
        }
        return plans;
    }

    /** One page ordered by name and id, filtered by part of the name (and, for customers, of the email). */
    private static <E extends PartyEntity> List<E> page(EntityManager em, Class<E> entity, List<String> where, Map<String, Object> params,
            @Nullable String text, @Nullable After after, int limit) {
        boolean customers = entity == CustomerEntity.class;
        if (text != null && !text.isBlank()) {
            where.add(customers ? "(LOWER(e.name) LIKE :text ESCAPE '\\' OR e.email LIKE :text ESCAPE '\\')"
                    : "LOWER(e.name) LIKE :text ESCAPE '\\'");
            params.put("text", "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (after != null) {
            where.add("(e.name > :afterName OR (e.name = :afterName AND e.id > :afterId))");
            params.put("afterName", after.name());
            params.put("afterId", after.id());
        }
        TypedQuery<E> query = em.createQuery("SELECT e FROM " + entity.getSimpleName() + " e"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY e.name, e.id", entity);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    /** Makes the owner's product rows these: removes the others, adds the missing. */
    private static void writeProducts(EntityManager em, String ownerType, String ownerId, List<ProductUse> products) {
        Set<ProductUse> wanted = new LinkedHashSet<>(products);
        for (ProductUseEntity row : productRows(em, ownerType, List.of(ownerId))) {
            if (!wanted.remove(new ProductUse(row.product, row.version))) {
                em.remove(row);
            }
        }
        for (ProductUse use : wanted) {
            em.persist(ProductUseEntity.of(ownerType, ownerId, use.product(), use.version()));
        }
        em.flush();
    }

    private static List<ProductUseEntity> productRows(EntityManager em, String ownerType, List<String> ownerIds) {
        return em.createQuery("SELECT p FROM ProductUseEntity p WHERE p.ownerType = :type AND p.ownerId IN :ids"
                + " ORDER BY p.product, p.version", ProductUseEntity.class).setParameter("type", ownerType)
                .setParameter("ids", ownerIds).getResultList();
    }

    private static Map<String, List<ProductUse>> products(EntityManager em, String ownerType, List<String> ids) {
        Map<String, List<ProductUse>> products = new HashMap<>();
        if (!ids.isEmpty()) {
            productRows(em, ownerType, ids).forEach(p -> products.computeIfAbsent(p.ownerId, k -> new ArrayList<>())
                    .add(new ProductUse(p.product, p.version)));
        }
        return products;
    }

    private static List<Organization> withProducts(EntityManager em, List<OrganizationEntity> rows) {
        Map<String, List<ProductUse>> products = products(em, ORG, rows.stream().map(o -> o.id).toList());
        return rows.stream().map(o -> new Organization(o.id, o.name, o.domain, o.plan, o.tier, o.region,
                products.getOrDefault(o.id, List.of()), Instant.ofEpochMilli(o.createdMs),
                Instant.ofEpochMilli(o.updatedMs))).toList();
    }

    /** Adds products, channels and consents, each read for all the customers with one query. */
    private static List<Customer> withDetails(EntityManager em, List<CustomerEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(c -> c.id).toList();
        Map<String, List<ProductUse>> products = products(em, CUSTOMER, ids);
        Map<String, Set<Channel>> channels = new HashMap<>();
        em.createQuery("SELECT c.id, ch FROM CustomerEntity c JOIN c.channels ch WHERE c.id IN :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> channels.computeIfAbsent((String) r[0], k -> EnumSet.noneOf(Channel.class))
                        .add(Channel.valueOf((String) r[1])));
        Map<String, Map<String, Boolean>> consents = new HashMap<>();
        em.createQuery("SELECT c.id, KEY(g), VALUE(g) FROM CustomerEntity c JOIN c.consents g WHERE c.id IN :ids",
                Object[].class).setParameter("ids", ids).getResultList()
                .forEach(r -> consents.computeIfAbsent((String) r[0], k -> new TreeMap<>())
                        .put((String) r[1], (Boolean) r[2]));
        return rows.stream().map(c -> new Customer(c.id, c.name, c.email, c.phone, c.organizationId, c.plan, c.tier,
                c.region, products.getOrDefault(c.id, List.of()), channels.getOrDefault(c.id, Set.of()),
                consents.getOrDefault(c.id, Map.of()), Instant.ofEpochMilli(c.createdMs),
                Instant.ofEpochMilli(c.updatedMs))).toList();
    }
}
