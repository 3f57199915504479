package org.alexandria.tickets.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.persistence.SchemaMigrator;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.ticket.Channel;
import org.alexandria.tickets.internal.model.Customer;
import org.alexandria.tickets.internal.model.Organization;
import org.alexandria.tickets.internal.model.ProductUse;
import org.alexandria.tickets.internal.store.CustomerStore;
import org.alexandria.tickets.internal.store.Transactions;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Customers and organizations: create, read, change and delete, each change audited. In changes, a null field
 * stays as it is and an empty text clears the field; a given list or map replaces the old one.
 */
@Component(service = CustomerService.class)
public final class CustomerService {

    /** Audit entity type of customers. */
    public static final String CUSTOMER = "customer";
    /** Audit entity type of organizations. */
    public static final String ORGANIZATION = "organization";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * Fields of a customer to create or change.
     *
     * @param name            display name
     * @param email           email address
     * @param phone           phone number
     * @param organizationId  organization id
     * @param plan            plan
     * @param tier            tier
     * @param region          region
     * @param products        products and versions in use
     * @param contactChannels channels the customer may be contacted on
     * @param consents        consent flags by purpose
     */
    public record CustomerInput(@Nullable String name, @Nullable String email, @Nullable String phone,
            @Nullable String organizationId, @Nullable String plan, @Nullable String tier, @Nullable String region,
            @Nullable List<ProductUse> products, @Nullable Set<Channel> contactChannels,
            @Nullable Map<String, Boolean> consents) {
    }

    /**
     * Fields of an organization to create or change.
     *
     * @param name     unique name
     * @param domain   email domain
     * @param plan     plan
     * @param tier     tier
     * @param region   region
     * @param products products and versions in use
     */
    public record OrganizationInput(@Nullable String name, @Nullable String domain, @Nullable String plan,
            @Nullable String tier, @Nullable String region, @Nullable List<ProductUse> products) {
    }

    private final Transactions db;
    private final CustomerStore store = new CustomerStore();
    private final AuditTrail audit;
    private final Clock clock;

    /**
     * @param emf      the {@code alexandria-tickets} persistence unit
     * @param migrator applies the plugin's schema migrations
     * @param audit    the audit trail
     */
    @Activate
    public CustomerService(@Reference(target = "(osgi.unit.name=alexandria-tickets)") EntityManagerFactory emf,
            @Reference SchemaMigrator migrator, @Reference AuditTrail audit) {
        this(emf, migrator, audit, Clock.systemUTC());
    }

    CustomerService(EntityManagerFactory emf, SchemaMigrator migrator, AuditTrail audit, Clock clock) {
        migrator.migrate(TicketService.PLUGIN_ID, TicketService.class, "db/migration/tickets");
        this.db = new Transactions(emf);
        this.audit = audit;
        this.clock = clock;
    }

    // ---- organizations

    /**
     * @param input the organization; name required
     * @param actor who creates it
     * @return the new organization
     */
    public Organization createOrganization(OrganizationInput input, Actor actor) {
        Instant now = now();
        Organization org = new Organization(UUID.randomUUID().toString(), required("name", input.name()),
                text("domain", input.domain(), null), text("plan", input.plan(), null), text("tier", input.tier(), null),
                text("region", input.region(), null), products(input.products(), List.of()), now, now);
        db.tx("creating organization " + org.name(), c -> {
            store.insertOrganization(c, org);
            return null;
        });
        record(actor, "organization.create", ORGANIZATION, org.id(), null, org.toString());
        return org;
    }

    /**
     * @param id    the organization
     * @param input what to change
     * @param actor who changes it
     * @return the organization after the change
     */
    public Organization updateOrganization(String id, OrganizationInput input, Actor actor) {
        Organization[] before = new Organization[1];
        Organization after = db.tx("changing organization " + id, c -> {
            Organization old = store.organization(c, id).orElseThrow(() -> notFound(ORGANIZATION, id));
            before[0] = old;
            Organization changed = new Organization(old.id(),
                    input.name() == null ? old.name() : required("name", input.name()),
                    text("domain", input.domain(), old.domain()), text("plan", input.plan(), old.plan()),
                    text("tier", input.tier(), old.tier()), text("region", input.region(), old.region()),
                    products(input.products(), old.products()), old.createdAt(), now());
            store.updateOrganization(c, changed);
            return changed;
        });
        record(actor, "organization.update", ORGANIZATION, id, before[0].toString(), after.toString());
        return after;
    }

    /**
     * @param id an organization id
     * @return the organization
     */
    public Optional<Organization> organization(String id) {
        return db.read("reading organization " + id, c -> store.organization(c, id));
    }

    /**
     * @param text  part of the name, or null
     * @param after keyset position, or null
     * @param limit page size
     * @return one page ordered by name
     */
    public List<Organization> organizations(@Nullable String text, CustomerStore.@Nullable After after, int limit) {
        return db.read("listing organizations", c -> store.organizations(c, text, after, limit));
    }

    /**
     * @param id    the organization; it must have no customers or tickets
     * @param actor who deletes it
     */
    public void deleteOrganization(String id, Actor actor) {
        Organization old = db.tx("deleting organization " + id, c -> {
            Organization org = store.organization(c, id).orElseThrow(() -> notFound(ORGANIZATION, id));
            if (store.organizationReferences(c, id) > 0) {
                throw new ProblemException(409, "conflict", "Conflict",
                        "organization " + id + " still has customers or tickets");
            }
            store.deleteOrganization(c, id);
            return org;
        });
        record(actor, "organization.delete", ORGANIZATION, id, old.toString(), null);
    }

    // ---- customers

    /**
     * @param input the customer; name or email required
     * @param actor who creates it
     * @return the new customer
     */
    public Customer createCustomer(CustomerInput input, Actor actor) {
        Instant now = now();
        String email = input.email() == null || input.email().isBlank() ? null : email(input.email());
        String name = input.name() == null || input.name().isBlank()
                ? (email == null ? required("name", input.name()) : email.substring(0, email.indexOf('@')))
                : name(input.name());
        Customer customer = new Customer(UUID.randomUUID().toString(), name, email, text("phone", input.phone(), null),
                blankToNull(input.organizationId()), text("plan", input.plan(), null), text("tier", input.tier(), null),
                text("region", input.region(), null), products(input.products(), List.of()),
                input.contactChannels() == null ? Set.of() : input.contactChannels(), consents(input.consents(), Map.of()),
                now, now);
        db.tx("creating customer " + name, c -> {
            checkOrganization(c, customer.organizationId());
            store.insertCustomer(c, customer);
            return null;
        });
        record(actor, "customer.create", CUSTOMER, customer.id(), null, customer.toString());
        return customer;
    }

    /**
     * @param id    the customer
     * @param input what to change
     * @param actor who changes it
     * @return the customer after the change
     */
    public Customer updateCustomer(String id, CustomerInput input, Actor actor) {
        Customer[] before = new Customer[1];
        Customer after = db.tx("changing customer " + id, c -> {
            Customer old = store.customer(c, id).orElseThrow(() -> notFound(CUSTOMER, id));
            before[0] = old;
            String email = input.email() == null ? old.email() : input.email().isBlank() ? null : email(input.email());
            Customer changed = new Customer(old.id(), input.name() == null ? old.name() : name(input.name()), email,
                    text("phone", input.phone(), old.phone()),
                    input.organizationId() == null ? old.organizationId() : blankToNull(input.organizationId()),
                    text("plan", input.plan(), old.plan()), text("tier", input.tier(), old.tier()),
                    text("region", input.region(), old.region()), products(input.products(), old.products()),
                    input.contactChannels() == null ? old.contactChannels() : input.contactChannels(),
                    consents(input.consents(), old.consents()), old.createdAt(), now());
            checkOrganization(c, changed.organizationId());
            store.updateCustomer(c, changed);
            return changed;
        });
        record(actor, "customer.update", CUSTOMER, id, before[0].toString(), after.toString());
        return after;
    }

    /**
     * @param id a customer id
     * @return the customer
     */
    public Optional<Customer> customer(String id) {
        return db.read("reading customer " + id, c -> store.customer(c, id));
    }

    /**
     * @param text           part of the name or email, or null
     * @param organizationId only this organization's customers, or null
     * @param after          keyset position, or null
     * @param limit          page size
     * @return one page ordered by name
     */
    public List<Customer> customers(@Nullable String text, @Nullable String organizationId,
            CustomerStore.@Nullable After after, int limit) {
        return db.read("listing customers", c -> store.customers(c, text, organizationId, after, limit));
    }

    /**
     * @param id    the customer; it must have no tickets
     * @param actor who deletes it
     */
    public void deleteCustomer(String id, Actor actor) {
        Customer old = db.tx("deleting customer " + id, c -> {
            Customer customer = store.customer(c, id).orElseThrow(() -> notFound(CUSTOMER, id));
            if (store.customerReferences(c, id) > 0) {
                throw new ProblemException(409, "conflict", "Conflict", "customer " + id + " still has tickets");
            }
            store.deleteCustomer(c, id);
            return customer;
        });
        record(actor, "customer.delete", CUSTOMER, id, old.toString(), null);
    }

    private void checkOrganization(EntityManager c, @Nullable String organizationId) {
        if (organizationId != null && store.organization(c, organizationId).isEmpty()) {
            throw ProblemException.badRequest("organizationId '" + organizationId + "' is not a known organization");
        }
    }

    private void record(Actor actor, String action, String type, String id, @Nullable String before,
            @Nullable String after) {
        audit.append(new AuditRecord(actor, action, new EntityRef(type, id), null,
                before == null ? null : TicketDiff.clip(before), after == null ? null : TicketDiff.clip(after)));
    }

    private static ProblemException notFound(String type, String id) {
        return ProblemException.notFound(type + " " + id + " not found");
    }

    /**
     * @param email an email address
     * @return it trimmed and in lower case
     * @throws ProblemException 400 when it does not look like an email address
     */
    static String email(String email) {
        String e = email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 320 || !EMAIL.matcher(e).matches()) {
            throw ProblemException.badRequest("'" + email + "' is not an email address");
        }
        return e;
    }

    /**
     * @param name a display name
     * @return it trimmed
     * @throws ProblemException 400 when blank or longer than 200 characters
     */
    static String name(String name) {
        return required("name", name);
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " is required");
        }
        String v = value.strip();
        if (v.length() > 200) {
            throw ProblemException.badRequest(field + " is longer than 200 characters");
        }
        return v;
    }

    private static @Nullable String text(String field, @Nullable String value, @Nullable String current) {
        if (value == null) {
            return current;
        }
        if (value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 200) {
            throw ProblemException.badRequest(field + " is longer than 200 characters");
        }
        return v;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<ProductUse> products(@Nullable List<ProductUse> products, List<ProductUse> current) {
        if (products == null) {
            return current;
        }
        for (ProductUse use : products) {
            if (use == null || use.product() == null || use.product().isBlank() || use.product().length() > 200
                    || use.version() == null || use.version().isBlank() || use.version().length() > 100) {
                throw ProblemException.badRequest("each product needs a product (1..200 characters) and a version"
                        + " (1..100 characters)");
            }
        }
        return products.stream().map(p -> new ProductUse(p.product().strip(), p.version().strip())).distinct().toList();
    }

    private static Map<String, Boolean> consents(@Nullable Map<String, Boolean> consents, Map<String, Boolean> current) {
        if (consents == null) {
            return current;
        }
        consents.forEach((purpose, granted) -> {
            if (purpose.isBlank() || purpose.length() > 100 || granted == null) {
                throw ProblemException.badRequest("consents map a purpose (1..100 characters) to true or false");
            }
        });
        return consents;
    }

    /** @return the current time at the database's millisecond precision, so answers equal what is read back */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
