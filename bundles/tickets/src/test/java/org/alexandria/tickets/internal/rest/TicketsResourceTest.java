package org.alexandria.tickets.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.rest.Page;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.ticket.Comment;
import org.alexandria.api.ticket.LinkType;
import org.alexandria.api.ticket.NewTicket;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketLink;
import org.alexandria.api.ticket.TicketStatus;
import org.alexandria.api.ticket.Visibility;
import org.alexandria.tickets.internal.model.Attachment;
import org.alexandria.tickets.internal.model.Customer;
import org.alexandria.tickets.internal.model.FieldDefinition;
import org.alexandria.tickets.internal.model.FieldType;
import org.alexandria.tickets.internal.service.CustomerService;
import org.alexandria.tickets.internal.service.Fixture;
import org.alexandria.tickets.internal.service.TicketService;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST resources on H2, called as the JAX-RS runtime would, plus their JSON shapes and role rules. */
class TicketsResourceTest {

    /** The platform's JSON settings (alexandria-rest JsonProvider): strict reading, ISO times. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    static final SecurityContext AGENT = Callers.as("agent", "agent");
    static final SecurityContext MANAGER = Callers.as("manager", "manager");

    Fixture f;
    TicketsResource resource;
    CustomersResource customers;
    Customer alice;

    @BeforeEach
    void start() {
        f = new Fixture(TestDatabase.Kind.H2);
        resource = new TicketsResource(f.tickets, new org.alexandria.tickets.internal.imports.TicketImporter(f.tickets, f.audit));
        customers = new CustomersResource(f.customers);
        alice = (Customer) customers.create(new CustomerService.CustomerInput("Alice", "alice@example.org", null, null,
                null, null, null, null, null, null), MANAGER).getEntity();
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    Ticket post(String json) throws Exception {
        Response response = resource.create(JSON.readValue(json, NewTicket.class), AGENT);
        assertThat(response.getStatus()).isEqualTo(201);
        return ((TicketService.Created) response.getEntity()).ticket();
    }

    @Test
    void createAnswersWithTheTicketAndItsPossibleDuplicates() throws Exception {
        post("{\"subject\":\"Upgrade netty breaks TLS handshake\",\"description\":\"SslHandler handshake timeout\","
                + "\"requesterId\":\"" + alice.id() + "\"}");
        Response response = resource.create(JSON.readValue("{\"subject\":\"TLS handshake timeout after netty upgrade\","
                + "\"description\":\"SslHandler fails\",\"requesterEmail\":\"bob@example.org\",\"priority\":\"HIGH\","
                + "\"tags\":[\"tls\"],\"environment\":{\"os\":\"Linux\",\"device\":null}}", NewTicket.class), AGENT);
        assertThat(response.getHeaderString("Location")).isEqualTo("/api/v1/tickets/ALX-2");
        String json = JSON.writeValueAsString(response.getEntity());
        Map<?, ?> body = JSON.readValue(json, Map.class);
        assertThat(((Map<?, ?>) body.get("ticket")).get("key")).isEqualTo("ALX-2");
        List<?> duplicates = (List<?>) body.get("possibleDuplicates");
        assertThat(duplicates).hasSize(1);
        Map<?, ?> first = (Map<?, ?>) duplicates.get(0);
        assertThat(first.get("key")).isEqualTo("ALX-1");
        assertThat(first.get("explanation")).isNotNull();
        assertThat(first.get("score")).isNotNull();
    }

    @Test
    void unknownFieldsInTheBodyAreRefused() {
        assertThatThrownBy(() -> JSON.readValue("{\"subject\":\"s\",\"colour\":\"red\"}", NewTicket.class))
                .hasMessageContaining("colour");
    }

    @Test
    void customFieldsComeBackTyped() throws Exception {
        f.tickets.defineField(new FieldDefinition("due", "Due", FieldType.DATE, List.of(), false), Fixture.AGENT);
        f.tickets.defineField(new FieldDefinition("seats", "Seats", FieldType.NUMBER, List.of(), false), Fixture.AGENT);
        Ticket t = post("{\"subject\":\"s\",\"description\":\"d\",\"requesterId\":\"" + alice.id()
                + "\",\"customFields\":{\"due\":\"2024-06-01\",\"seats\":3}}");
        Map<?, ?> json = JSON.readValue(JSON.writeValueAsString(resource.get(t.key())), Map.class);
        Map<?, ?> fields = (Map<?, ?>) json.get("customFields");
        assertThat(fields.get("due")).isEqualTo("2024-06-01");
        assertThat(fields.get("seats")).isEqualTo(3);
        assertThatThrownBy(() -> post("{\"subject\":\"s\",\"description\":\"d\",\"requesterId\":\"" + alice.id()
                + "\",\"customFields\":{\"seats\":\"three\"}}")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("custom field 'seats' is of type number");
    }

    @Test
    void listFiltersAndPagesWithCursors() throws Exception {
        for (int i = 1; i <= 5; i++) {
            post("{\"subject\":\"Ticket " + i + "\",\"description\":\"d\",\"requesterId\":\"" + alice.id() + "\"}");
            f.clock.advance(java.time.Duration.ofSeconds(1));
        }
        resource.update("ALX-2", new HashMap<>(Map.of("status", "PENDING")), AGENT);
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            Page<Ticket> page = resource.list(null, null, null, null, null, null, null, null, null, "key", cursor, "2");
            page.items().forEach(t -> keys.add(t.key()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(keys).containsExactly("ALX-1", "ALX-2", "ALX-3", "ALX-4", "ALX-5");
        assertThat(resource.list(null, List.of("PENDING,SOLVED"), null, null, null, null, null, null, null, null, null,
                null).items()).extracting(Ticket::key).containsExactly("ALX-2");
        assertThat(resource.list("ticket 4", null, null, null, null, null, null, null, null, null, null, null).items())
                .extracting(Ticket::key).containsExactly("ALX-4");
        assertThatThrownBy(() -> resource.list(null, List.of("DONE"), null, null, null, null, null, null, null, null,
                null, null)).hasMessageContaining("status must be one of");
        assertThatThrownBy(() -> resource.list(null, null, null, null, null, null, null, null, null, "name", null, null))
                .hasMessageContaining("sort must be");
        String keyCursor = resource.list(null, null, null, null, null, null, null, null, null, "key", null, "2").nextCursor();
        assertThatThrownBy(() -> resource.list(null, null, null, null, null, null, null, null, null, "-updated",
                keyCursor, "2")).hasMessageContaining("cursor is not one this API returned");
    }

    @Test
    void patchIsAMergePatch() throws Exception {
        Ticket t = post("{\"subject\":\"s\",\"description\":\"d\",\"requesterId\":\"" + alice.id()
                + "\",\"assignee\":\"bob\",\"tags\":[\"a\"]}");
        Map<String, Object> patch = new HashMap<>();
        patch.put("assignee", null);
        patch.put("status", "OPEN");
        patch.put("tags", List.of("b", "c"));
        Ticket changed = resource.update(t.key(), patch, AGENT);
        assertThat(changed.assignee()).isNull();
        assertThat(changed.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(changed.tags()).containsExactlyInAnyOrder("b", "c");
        assertThatThrownBy(() -> resource.update(t.key(), new HashMap<>(Map.of("colour", "red")), AGENT))
                .hasMessageContaining("unknown field(s) [colour]");
        Map<String, Object> nullSubject = new HashMap<>();
        nullSubject.put("subject", null);
        assertThatThrownBy(() -> resource.update(t.key(), nullSubject, AGENT)).hasMessageContaining("'subject' cannot be null");
        assertThatThrownBy(() -> resource.update(t.key(), new HashMap<>(Map.of("priority", 3)), AGENT))
                .hasMessageContaining("'priority' must be text");
        assertThatThrownBy(() -> resource.get("ALX-404")).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(404);
    }

    @Test
    void conversationAttachmentsLinksMergeAndBulk() throws Exception {
        Ticket a = post("{\"subject\":\"a\",\"description\":\"d\",\"requesterId\":\"" + alice.id() + "\"}");
        Ticket b = post("{\"subject\":\"b\",\"description\":\"d\",\"requesterId\":\"" + alice.id() + "\"}");
        assertThatThrownBy(() -> resource.comment(a.key(), new TicketsResource.CommentRequest("hi", null, null), AGENT))
                .hasMessageContaining("visibility is required");
        Response comment = resource.comment(a.key(), new TicketsResource.CommentRequest("hi", Visibility.PUBLIC, null), AGENT);
        assertThat(comment.getStatus()).isEqualTo(201);
        assertThat(resource.comments(a.key())).extracting(Comment::author).containsExactly("agent");

        Response uploaded = resource.attach(a.key(), "notes.txt", "text/plain",
                new ByteArrayInputStream("héllo".getBytes(StandardCharsets.UTF_8)), AGENT);
        Attachment attachment = (Attachment) uploaded.getEntity();
        Response download = resource.attachmentContent(a.key(), attachment.id());
        assertThat((byte[]) download.getEntity()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(download.getHeaderString("Content-Disposition")).contains("filename=\"notes.txt\"");
        assertThat(resource.attachments(a.key())).containsExactly(attachment);
        assertThatThrownBy(() -> resource.attach(a.key(), null, null, new ByteArrayInputStream(new byte[1]), AGENT))
                .hasMessageContaining("fileName");

        TicketLink link = (TicketLink) resource.link(a.key(), new TicketsResource.LinkRequest(LinkType.RELATED, b.key()),
                AGENT).getEntity();
        assertThat(resource.links(b.key())).containsExactly(link);
        assertThat(resource.unlink(b.key(), link.id(), AGENT).getStatus()).isEqualTo(204);

        Ticket kept = resource.merge(b.key(), new TicketsResource.MergeRequest(a.key(), "same"), MANAGER);
        assertThat(kept.key()).isEqualTo(a.key());
        assertThat(resource.get(b.key()).status()).isEqualTo(TicketStatus.CLOSED);

        TicketsResource.BulkResponse bulk = resource.bulk(new TicketsResource.BulkRequest(List.of(a.key(), b.key()),
                new HashMap<>(Map.of("priority", "URGENT"))), MANAGER);
        assertThat(bulk.updated()).isEqualTo(2);
        assertThat(bulk.failed()).isZero();
        assertThat(f.audit.actions(a.key())).filteredOn(x -> x.equals("ticket.update")).hasSize(1);
    }

    @Test
    void slaPoliciesOverRest() throws Exception {
        org.alexandria.tickets.internal.sla.SlaService sla = new org.alexandria.tickets.internal.sla.SlaService(f.tickets,
                f.audit, f.clock, 0);
        SlaPoliciesResource policies = new SlaPoliciesResource(sla);
        var input = JSON.readValue("{\"name\":\"Office\",\"businessHours\":{\"timeZone\":\"Europe/Zurich\","
                + "\"weekdays\":[\"MONDAY\",\"FRIDAY\"],\"start\":\"09:00\",\"end\":\"17:30\"},"
                + "\"targets\":[{\"priority\":\"HIGH\",\"firstResponseMinutes\":60,\"resolutionMinutes\":null}]}",
                org.alexandria.tickets.internal.sla.SlaService.PolicyInput.class);
        Response created = policies.create(input, MANAGER);
        assertThat(created.getStatus()).isEqualTo(201);
        Map<?, ?> json = JSON.readValue(JSON.writeValueAsString(created.getEntity()), Map.class);
        Map<?, ?> hours = (Map<?, ?>) json.get("businessHours");
        assertThat(hours.get("start")).isEqualTo("09:00:00");
        assertThat(hours.get("end")).isEqualTo("17:30:00");
        assertThat(hours.get("weekdays")).isEqualTo(List.of("MONDAY", "FRIDAY"));
        assertThat(json.get("plan")).isNull();
        assertThat(json.containsKey("plan")).isTrue();
        assertThat(policies.list()).hasSize(1);
    }

    @Test
    void writesNeedAgentManagerOrAdminAndMergeAndBulkNeedManagerOrAdmin() {
        Map<String, Set<String>> roles = new java.util.TreeMap<>();
        for (Class<?> type : List.of(TicketsResource.class, CustomersResource.class, OrganizationsResource.class,
                TicketFieldsResource.class, SlaPoliciesResource.class)) {
            for (Method m : type.getDeclaredMethods()) {
                RolesAllowed allowed = m.getAnnotation(RolesAllowed.class);
                if (allowed != null) {
                    roles.put(type.getSimpleName() + "." + m.getName() + (m.isAnnotationPresent(GET.class) ? " GET" : ""),
                            new TreeSet<>(Arrays.asList(allowed.value())));
                }
            }
        }
        Set<String> read = Set.of("admin", "manager", "agent", "executive");
        Set<String> write = Set.of("admin", "manager", "agent");
        Set<String> manage = Set.of("admin", "manager");
        roles.forEach((method, allowed) -> {
            if (method.startsWith("SlaPoliciesResource.")) {
                assertThat(allowed).as(method).isEqualTo(manage);
            } else if (method.endsWith(" GET")) {
                assertThat(allowed).as(method).isEqualTo(read);
            } else if (method.startsWith("TicketsResource.") && !method.contains("merge") && !method.contains("bulk")
                    && !method.contains("import")) {
                assertThat(allowed).as(method).isEqualTo(write);
            } else {
                assertThat(allowed).as(method).isEqualTo(manage);
            }
        });
        assertThat(roles).containsKeys("TicketsResource.merge", "TicketsResource.bulk", "CustomersResource.create",
                "OrganizationsResource.delete", "TicketsResource.list GET", "SlaPoliciesResource.list GET",
                "TicketsResource.importTickets");
    }
}
