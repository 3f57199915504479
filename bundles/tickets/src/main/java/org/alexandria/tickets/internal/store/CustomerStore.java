package org.alexandria.tickets.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.alexandria.api.ticket.Channel;
import org.alexandria.tickets.internal.model.Customer;
import org.alexandria.tickets.internal.model.Organization;
import org.alexandria.tickets.internal.model.ProductUse;
import org.jspecify.annotations.Nullable;

/** Customers and organizations with their segmentation attributes. */
public final class CustomerStore {

    private static final String ORG = "organization";
    private static final String CUSTOMER = "customer";
    private static final String ORG_COLUMNS = "id, name, domain, plan, tier, region, created_ms, updated_ms";
    private static final String CUSTOMER_COLUMNS =
            "id, name, email, phone, organization_id, plan, tier, region, created_ms, updated_ms";

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
     * @param connection   connection
     * @param organization the new organization
     * @throws SQLException on a database error
     */
    public void insertOrganization(Connection connection, Organization organization) throws SQLException {
        Sql.update(connection, "INSERT INTO tkt_organization (" + ORG_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                organization.id(), organization.name(), organization.domain(), organization.plan(), organization.tier(),
                organization.region(), organization.createdAt(), organization.updatedAt());
        writeProducts(connection, ORG, organization.id(), organization.products());
    }

    /**
     * @param connection   connection
     * @param organization the organization as it is now
     * @throws SQLException on a database error
     */
    public void updateOrganization(Connection connection, Organization organization) throws SQLException {
        Sql.update(connection, "UPDATE tkt_organization SET name = ?, domain = ?, plan = ?, tier = ?, region = ?,"
                + " updated_ms = ? WHERE id = ?", organization.name(), organization.domain(), organization.plan(),
                organization.tier(), organization.region(), organization.updatedAt(), organization.id());
        writeProducts(connection, ORG, organization.id(), organization.products());
    }

    /**
     * @param connection connection
     * @param id         organization id
     * @return the organization
     * @throws SQLException on a database error
     */
    public Optional<Organization> organization(Connection connection, String id) throws SQLException {
        Optional<Organization> row = Sql.one(connection, "SELECT " + ORG_COLUMNS + " FROM tkt_organization WHERE id = ?",
                CustomerStore::organization, id);
        return row.isEmpty() ? row : Optional.of(withProducts(connection, List.of(row.get())).get(0));
    }

    /**
     * @param connection connection
     * @param text       part of the name, or null
     * @param after      keyset position, or null for the first page
     * @param limit      page size
     * @return one page ordered by name
     * @throws SQLException on a database error
     */
    public List<Organization> organizations(Connection connection, @Nullable String text, @Nullable After after,
            int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + ORG_COLUMNS + " FROM tkt_organization WHERE 1 = 1");
        List<@Nullable Object> params = new ArrayList<>();
        page(sql, params, text, after, limit);
        return withProducts(connection, Sql.list(connection, sql.toString(), CustomerStore::organization, params.toArray()));
    }

    /**
     * @param connection connection
     * @param id         organization id
     * @return whether it existed
     * @throws SQLException on a database error (a still-referenced organization is a constraint violation)
     */
    public boolean deleteOrganization(Connection connection, String id) throws SQLException {
        Sql.update(connection, "DELETE FROM tkt_product_use WHERE owner_type = ? AND owner_id = ?", ORG, id);
        return Sql.update(connection, "DELETE FROM tkt_organization WHERE id = ?", id) == 1;
    }

    // ---- customers

    /**
     * @param connection connection
     * @param customer   the new customer
     * @throws SQLException on a database error
     */
    public void insertCustomer(Connection connection, Customer customer) throws SQLException {
        Sql.update(connection, "INSERT INTO tkt_customer (" + CUSTOMER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                customer.id(), customer.name(), customer.email(), customer.phone(), customer.organizationId(),
                customer.plan(), customer.tier(), customer.region(), customer.createdAt(), customer.updatedAt());
        writeCustomerDetails(connection, customer);
    }

    /**
     * @param connection connection
     * @param customer   the customer as it is now
     * @throws SQLException on a database error
     */
    public void updateCustomer(Connection connection, Customer customer) throws SQLException {
        Sql.update(connection, "UPDATE tkt_customer SET name = ?, email = ?, phone = ?, organization_id = ?, plan = ?,"
                + " tier = ?, region = ?, updated_ms = ? WHERE id = ?", customer.name(), customer.email(),
                customer.phone(), customer.organizationId(), customer.plan(), customer.tier(), customer.region(),
                customer.updatedAt(), customer.id());
        writeCustomerDetails(connection, customer);
    }

    /**
     * @param connection connection
     * @param id         customer id
     * @return the customer
     * @throws SQLException on a database error
     */
    public Optional<Customer> customer(Connection connection, String id) throws SQLException {
        return first(connection, "id", id);
    }

    /**
     * @param connection connection
     * @param email      email address (any case)
     * @return the customer with that email
     * @throws SQLException on a database error
     */
    public Optional<Customer> customerByEmail(Connection connection, String email) throws SQLException {
        return first(connection, "email", email.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @param connection     connection
     * @param text           part of the name or email, or null
     * @param organizationId only this organization's customers, or null
     * @param after          keyset position, or null for the first page
     * @param limit          page size
     * @return one page ordered by name
     * @throws SQLException on a database error
     */
    public List<Customer> customers(Connection connection, @Nullable String text, @Nullable String organizationId,
            @Nullable After after, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + CUSTOMER_COLUMNS + " FROM tkt_customer WHERE 1 = 1");
        List<@Nullable Object> params = new ArrayList<>();
        if (organizationId != null) {
            sql.append(" AND organization_id = ?");
            params.add(organizationId);
        }
        page(sql, params, text, after, limit);
        return withDetails(connection, Sql.list(connection, sql.toString(), CustomerStore::customer, params.toArray()));
    }

    /**
     * @param connection connection
     * @param id         customer id
     * @return whether it existed
     * @throws SQLException on a database error (a customer with tickets is a constraint violation)
     */
    public boolean deleteCustomer(Connection connection, String id) throws SQLException {
        Sql.update(connection, "DELETE FROM tkt_product_use WHERE owner_type = ? AND owner_id = ?", CUSTOMER, id);
        return Sql.update(connection, "DELETE FROM tkt_customer WHERE id = ?", id) == 1;
    }

    /**
     * @param connection connection
     * @param table      {@code tkt_ticket} or {@code tkt_customer}
     * @param column     the referencing column
     * @param id         the referenced id
     * @return how many rows refer to it
     * @throws SQLException on a database error
     */
    public long references(Connection connection, String table, String column, String id) throws SQLException {
        return Sql.number(connection, "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", id);
    }

    private Optional<Customer> first(Connection connection, String column, String value) throws SQLException {
        Optional<Customer> row = Sql.one(connection, "SELECT " + CUSTOMER_COLUMNS + " FROM tkt_customer WHERE "
                + column + " = ?", CustomerStore::customer, value);
        return row.isEmpty() ? row : Optional.of(withDetails(connection, List.of(row.get())).get(0));
    }

    private static void page(StringBuilder sql, List<@Nullable Object> params, @Nullable String text,
            @Nullable After after, int limit) {
        if (text != null && !text.isBlank()) {
            String pattern = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            boolean customers = sql.indexOf("tkt_customer") >= 0;
            sql.append(customers ? " AND (LOWER(name) LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')"
                    : " AND LOWER(name) LIKE ? ESCAPE '\\'");
            params.add(pattern);
            if (customers) {
                params.add(pattern);
            }
        }
        if (after != null) {
            sql.append(" AND (name > ? OR (name = ? AND id > ?))");
            params.add(after.name());
            params.add(after.name());
            params.add(after.id());
        }
        sql.append(" ORDER BY name, id FETCH FIRST ").append(limit).append(" ROWS ONLY");
    }

    private static void writeProducts(Connection connection, String ownerType, String ownerId, List<ProductUse> products)
            throws SQLException {
        Sql.update(connection, "DELETE FROM tkt_product_use WHERE owner_type = ? AND owner_id = ?", ownerType, ownerId);
        for (ProductUse use : new java.util.LinkedHashSet<>(products)) {
            Sql.update(connection, "INSERT INTO tkt_product_use (owner_type, owner_id, product, version) VALUES (?, ?, ?, ?)",
                    ownerType, ownerId, use.product(), use.version());
        }
    }

    private static void writeCustomerDetails(Connection connection, Customer customer) throws SQLException {
        writeProducts(connection, CUSTOMER, customer.id(), customer.products());
        Sql.update(connection, "DELETE FROM tkt_customer_channel WHERE customer_id = ?", customer.id());
        for (Channel channel : new java.util.TreeSet<>(customer.contactChannels())) {
            Sql.update(connection, "INSERT INTO tkt_customer_channel (customer_id, channel) VALUES (?, ?)",
                    customer.id(), channel);
        }
        Sql.update(connection, "DELETE FROM tkt_customer_consent WHERE customer_id = ?", customer.id());
        for (Map.Entry<String, Boolean> consent : new TreeMap<>(customer.consents()).entrySet()) {
            Sql.update(connection, "INSERT INTO tkt_customer_consent (customer_id, purpose, granted) VALUES (?, ?, ?)",
                    customer.id(), consent.getKey(), consent.getValue());
        }
    }

    private static Map<String, List<ProductUse>> products(Connection connection, String ownerType, List<String> ids)
            throws SQLException {
        Map<String, List<ProductUse>> products = new HashMap<>();
        if (ids.isEmpty()) {
            return products;
        }
        List<@Nullable Object> params = new ArrayList<>();
        params.add(ownerType);
        params.addAll(ids);
        Sql.list(connection, "SELECT owner_id, product, version FROM tkt_product_use WHERE owner_type = ? AND owner_id IN ("
                + TicketStore.placeholders(ids.size()) + ") ORDER BY product, version",
                rs -> products.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new ProductUse(rs.getString(2), rs.getString(3))),
                params.toArray());
        return products;
    }

    private static List<Organization> withProducts(Connection connection, List<Organization> rows) throws SQLException {
        Map<String, List<ProductUse>> products = products(connection, ORG, rows.stream().map(Organization::id).toList());
        return rows.stream().map(o -> new Organization(o.id(), o.name(), o.domain(), o.plan(), o.tier(), o.region(),
                products.getOrDefault(o.id(), List.of()), o.createdAt(), o.updatedAt())).toList();
    }

    private static List<Customer> withDetails(Connection connection, List<Customer> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> ids = rows.stream().map(Customer::id).toList();
        Map<String, List<ProductUse>> products = products(connection, CUSTOMER, ids);
        String in = " IN (" + TicketStore.placeholders(ids.size()) + ")";
        Map<String, Set<Channel>> channels = new HashMap<>();
        Sql.list(connection, "SELECT customer_id, channel FROM tkt_customer_channel WHERE customer_id" + in,
                rs -> channels.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Channel.class))
                        .add(Channel.valueOf(rs.getString(2))), ids.toArray());
        Map<String, Map<String, Boolean>> consents = new HashMap<>();
        Sql.list(connection, "SELECT customer_id, purpose, granted FROM tkt_customer_consent WHERE customer_id" + in,
                rs -> consents.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                        .put(rs.getString(2), rs.getBoolean(3)), ids.toArray());
        return rows.stream().map(c -> new Customer(c.id(), c.name(), c.email(), c.phone(), c.organizationId(), c.plan(),
                c.tier(), c.region(), products.getOrDefault(c.id(), List.of()), channels.getOrDefault(c.id(), Set.of()),
                consents.getOrDefault(c.id(), Map.of()), c.createdAt(), c.updatedAt())).toList();
    }

    private static Organization organization(ResultSet rs) throws SQLException {
        return new Organization(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), List.of(), Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8)));
    }

    private static Customer customer(ResultSet rs) throws SQLException {
        return new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), List.of(), Set.of(), Map.of(),
                Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)));
    }
}
