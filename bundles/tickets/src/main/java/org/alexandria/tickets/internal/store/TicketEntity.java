package org.alexandria.tickets.internal.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code tkt_ticket} with its tags ({@code tkt_ticket_tag}) and custom field values in stored form
 * ({@code tkt_ticket_field}). Enumerations are stored by name, times as epoch milliseconds.
 */
@Entity
@Table(name = "tkt_ticket")
public class TicketEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "number")
    long number;
    @Column(name = "ticket_key")
    String ticketKey = "";
    @Column(name = "subject")
    String subject = "";
    @Column(name = "description")
    String description = "";
    @Column(name = "status")
    String status = "";
    @Column(name = "priority")
    String priority = "";
    @Column(name = "priority_rank")
    int priorityRank;
    @Column(name = "ticket_type")
    String ticketType = "";
    @Column(name = "channel")
    String channel = "";
    @Column(name = "requester_id")
    String requesterId = "";
    @Column(name = "organization_id")
    @Nullable String organizationId;
    @Column(name = "assignee")
    @Nullable String assignee;
    @Column(name = "group_name")
    @Nullable String groupName;
    @Column(name = "product")
    @Nullable String product;
    @Column(name = "app_version")
    @Nullable String appVersion;
    @Column(name = "env_os")
    @Nullable String envOs;
    @Column(name = "env_device")
    @Nullable String envDevice;
    @Column(name = "created_ms")
    long createdMs;
    @Column(name = "updated_ms")
    long updatedMs;
    @Column(name = "first_response_ms")
    @Nullable Long firstResponseMs;
    @Column(name = "solved_ms")
    @Nullable Long solvedMs;
    @Column(name = "merged_into")
    @Nullable String mergedInto;
    @Column(name = "sla_policy_id")
    @Nullable String slaPolicyId;
    @Column(name = "first_response_due_ms")
    @Nullable Long firstResponseDueMs;
    @Column(name = "resolution_due_ms")
    @Nullable Long resolutionDueMs;
    @Column(name = "first_response_breached")
    boolean firstResponseBreached;
    @Column(name = "resolution_breached")
    boolean resolutionBreached;
    /** Lower-case tags. */
    @ElementCollection
    @CollectionTable(name = "tkt_ticket_tag", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "tag")
    Set<String> tags = new HashSet<>();
    /** Custom field values in canonical text form, by field name. */
    @ElementCollection
    @CollectionTable(name = "tkt_ticket_field", joinColumns = @JoinColumn(name = "ticket_id"))
    @MapKeyColumn(name = "field_name")
    @Column(name = "field_value")
    Map<String, String> fields = new HashMap<>();
}
