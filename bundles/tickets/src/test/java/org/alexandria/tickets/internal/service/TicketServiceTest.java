package org.alexandria.tickets.internal.service;

import org.alexandria.api.ticket.TicketChanges;

import static org.alexandria.tickets.internal.service.Fixture.AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.event.EntityChange;
import org.alexandria.api.event.Topics;
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
import org.alexandria.api.ticket.TicketLink;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketStatus;
import org.alexandria.api.ticket.TicketTopics;
import org.alexandria.api.ticket.TicketType;
import org.alexandria.api.ticket.TicketUpdate;
import org.alexandria.api.ticket.Visibility;
import org.alexandria.tickets.internal.TestConfig;
import org.alexandria.tickets.internal.model.Attachment;
import org.alexandria.tickets.internal.model.Customer;
import org.alexandria.tickets.internal.model.FieldDefinition;
import org.alexandria.tickets.internal.model.FieldType;
import org.alexandria.tickets.internal.model.Organization;
import org.alexandria.tickets.internal.model.ProductUse;
import org.alexandria.tickets.internal.store.TicketSearch;
import org.alexandria.tickets.internal.store.TicketStore;
import org.alexandria.tickets.internal.store.Transactions;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The ticket and customer services on H2 and PostgreSQL: data model, workflow rules, audit, events, index. */
class TicketServiceTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(TestDatabase.Kind.POSTGRES);
        }
    }

    abstract static class Contract {
        private final TestDatabase.Kind kind;
        Fixture f;
        Customer alice;

        Contract(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeEach
        void start() {
            f = new Fixture(kind, TestConfig.tickets(1000, 5, 100));
            Organization acme = f.customers.createOrganization(new CustomerService.OrganizationInput("Acme", "acme.example",
                    "enterprise", "gold", "EMEA", List.of(new ProductUse("mobile-app", "4.2"))), AGENT);
            alice = f.customers.createCustomer(new CustomerService.CustomerInput("Alice", "Alice@Acme.example", null,
                    acme.id(), "pro", null, "EMEA", List.of(new ProductUse("mobile-app", "4.2.1")),
                    Set.of(Channel.EMAIL, Channel.PHONE), Map.of("marketing", false, "email", true)), AGENT);
        }

        @AfterEach
        void stop() throws Exception {
            f.close();
        }

        Ticket open(String subject, String description) {
            return f.tickets.create(NewTicket.of(subject, description, alice.id()), AGENT);
        }

        @Test
        void theChangeFeedListsEachTicketOnceAtItsLatestChangeAndPagesWithACursor() {
            Ticket a = open("A", "first");
            f.clock.advance(Duration.ofSeconds(1));
            Ticket b = open("B", "second");
            f.clock.advance(Duration.ofSeconds(1));
            Ticket c = open("C", "third");
            f.clock.advance(Duration.ofSeconds(1));
            f.tickets.addComment(a.id(), new NewComment("more detail", Visibility.PUBLIC, AuthorType.CUSTOMER), AGENT);

            TicketChanges first = f.tickets.changes(java.time.Instant.EPOCH, null, 2);
            assertThat(first.tickets()).extracting(Ticket::key).containsExactly(b.key(), c.key());
            TicketChanges second = f.tickets.changes(java.time.Instant.EPOCH, first.cursor(), 2);
            assertThat(second.tickets()).extracting(Ticket::key).containsExactly(a.key());
            TicketChanges end = f.tickets.changes(java.time.Instant.EPOCH, second.cursor(), 2);
            assertThat(end.tickets()).isEmpty();
            assertThat(end.cursor()).isEqualTo(second.cursor());
            // "since" is inclusive: tickets changed at or after it
            assertThat(f.tickets.changes(c.updatedAt(), null, 10).tickets()).extracting(Ticket::key).containsExactly(c.key(), a.key());
            assertThatThrownBy(() -> f.tickets.changes(java.time.Instant.EPOCH, "garbage", 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> f.tickets.changes(java.time.Instant.EPOCH, null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void migrationCreatesTheTables() {
            for (String table : List.of("tkt_ticket", "tkt_customer", "tkt_organization", "tkt_comment",
                    "tkt_attachment", "tkt_link", "tkt_field_def", "tkt_ticket_field", "tkt_ticket_tag", "tkt_counter")) {
                assertThat(f.db.tableExists(table)).as(table).isTrue();
            }
        }

        @Test
        void createdTicketsGetSequentialKeysAndDefaults() {
            // the database keeps milliseconds: what create answers must equal what is read back
            f.clock.set(java.time.Instant.parse("2024-05-01T10:00:00.123456789Z"));
            Ticket first = open("Login fails", "since the update");
            Ticket second = open("Crash on start", "NullPointerException");
            assertThat(first.key()).isEqualTo("ALX-1");
            assertThat(second.key()).isEqualTo("ALX-2");
            assertThat(first.status()).isEqualTo(TicketStatus.NEW);
            assertThat(first.priority()).isEqualTo(TicketPriority.NORMAL);
            assertThat(first.type()).isEqualTo(TicketType.QUESTION);
            assertThat(first.channel()).isEqualTo(Channel.API);
            assertThat(first.organizationId()).isEqualTo(alice.organizationId());
            assertThat(f.tickets.get("alx-2")).contains(second);
            assertThat(f.tickets.get(second.id())).contains(second);
            assertThat(second.createdAt()).isEqualTo(java.time.Instant.parse("2024-05-01T10:00:00.123Z"));
            assertThat(f.tickets.find("ALX-1").orElseThrow().subject()).isEqualTo("Login fails");
            assertThat(f.audit.actions("ALX-1")).containsExactly("ticket.create");
            assertThat(f.events.topics()).containsExactly(Topics.TICKET_CREATED, Topics.TICKET_CREATED);
            assertThat(f.events.published.get(0).payload()).isEqualTo(
                    new EntityChange("ticket", first.id(), "ALX-1 created: Login fails"));
        }

        @Test
        void aLockingReadSeesWhatWasCommittedAfterTheTicketWasFirstRead() {
            Transactions db = new Transactions(f.emf);
            TicketStore store = new TicketStore();
            Ticket created = open("before", "d");
            String subject = db.tx("test", em -> {
                store.find(em, created.id(), false).orElseThrow(); // now in this persistence context
                f.tickets.update(created.key(), new TicketUpdate("after", null, null, null, null, null, null, null,
                        null, null, null, null, null, Set.of()), AGENT); // another transaction commits
                return store.find(em, created.key(), true).orElseThrow().subject();
            });
            assertThat(subject).isEqualTo("after");
        }

        @Test
        void storeConstraintViolationsAreConflicts() {
            Transactions db = new Transactions(f.emf);
            TicketStore store = new TicketStore();
            Ticket created = open("s", "d");
            Ticket orphan = new Ticket(java.util.UUID.randomUUID().toString(), "ALX-99", "s", "d", created.status(),
                    created.priority(), created.type(), created.channel(), "no-such-customer", null, null, null,
                    Set.of(), Map.of(), null, null, created.environment(), created.createdAt(), created.updatedAt(),
                    null, null, null, null, null, false, false);
            assertThatThrownBy(() -> db.tx("inserting an orphan", em -> {
                store.insert(em, orphan, Map.of());
                return null;
            })).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409))
                    .hasMessageContaining("inserting an orphan");
            Ticket sameKey = new Ticket(java.util.UUID.randomUUID().toString(), created.key(), "s", "d",
                    created.status(), created.priority(), created.type(), created.channel(), alice.id(), null, null,
                    null, Set.of(), Map.of(), null, null, created.environment(), created.createdAt(),
                    created.updatedAt(), null, null, null, null, null, false, false);
            assertThatThrownBy(() -> db.tx("inserting a taken key", em -> {
                store.insert(em, sameKey, Map.of());
                return null;
            })).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409))
                    .hasMessageContaining("same unique value");
            assertThat(f.tickets.search(TicketSearch.all(10))).extracting(Ticket::key).containsExactly(created.key());
            assertThat(f.tickets.count()).isEqualTo(1L);
        }

        @Test
        void ticketKeysAreUniqueUnderConcurrentCreation() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<String>> jobs = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    int n = i;
                    jobs.add(() -> open("Concurrent " + n, "body " + n).key());
                }
                List<String> keys = new ArrayList<>();
                for (Future<String> key : pool.invokeAll(jobs)) {
                    keys.add(key.get());
                }
                assertThat(keys).doesNotHaveDuplicates().hasSize(30);
                List<String> expected = new ArrayList<>();
                for (int i = 1; i <= 30; i++) {
                    expected.add("ALX-" + i);
                }
                Collections.sort(keys);
                Collections.sort(expected);
                assertThat(keys).isEqualTo(expected);
            } finally {
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
        }

        @Test
        void ticketsFromOneNewRequesterAtOnceAllSucceedWithOneCustomer() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<String>> jobs = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    int n = i;
                    jobs.add(() -> f.tickets.create(new NewTicket("Same requester " + n, "body", null, null, null, null,
                            "New.Person@Example.org", "New Person", null, null, null, null, null, null, null), AGENT)
                            .requesterId());
                }
                List<String> requesters = new ArrayList<>();
                for (Future<String> requester : pool.invokeAll(jobs)) {
                    requesters.add(requester.get());
                }
                assertThat(requesters).hasSize(12).containsOnly(requesters.get(0));
            } finally {
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
        }

        @Test
        void allFieldsRoundTrip() {
            f.tickets.defineField(new FieldDefinition("severity", "Severity", FieldType.ENUM, List.of("minor", "major"), false), AGENT);
            f.tickets.defineField(new FieldDefinition("seats", "Seats", FieldType.NUMBER, List.of(), false), AGENT);
            f.tickets.defineField(new FieldDefinition("vip", "VIP", FieldType.BOOLEAN, List.of(), false), AGENT);
            f.tickets.defineField(new FieldDefinition("due", "Due", FieldType.DATE, List.of(), false), AGENT);
            f.tickets.defineField(new FieldDefinition("note", "Note", FieldType.STRING, List.of(), false), AGENT);
            Ticket t = f.tickets.create(new NewTicket("Sync broken", "details", TicketType.INCIDENT, TicketPriority.HIGH,
                    Channel.EMAIL, null, "bob@example.org", "Bob", "agent", "tier-2", Set.of("Sync", "mobile"),
                    Map.of("severity", "major", "seats", 12.50, "vip", true, "due", "2024-06-01", "note", "call back"),
                    "mobile-app", "4.2.1", new Environment("Android 14", "Pixel 8")), AGENT);
            Ticket read = f.tickets.get(t.key()).orElseThrow();
            assertThat(read).isEqualTo(t);
            assertThat(read.tags()).containsExactlyInAnyOrder("sync", "mobile");
            assertThat(read.customFields()).containsEntry("severity", "major")
                    .containsEntry("seats", new BigDecimal("12.5")).containsEntry("vip", true)
                    .containsEntry("due", LocalDate.of(2024, 6, 1)).containsEntry("note", "call back");
            assertThat(read.environment()).isEqualTo(new Environment("Android 14", "Pixel 8"));
            assertThat(read.assignee()).isEqualTo("agent");
            assertThat(read.group()).isEqualTo("tier-2");
            Customer bob = f.customers.customer(read.requesterId()).orElseThrow();
            assertThat(bob.email()).isEqualTo("bob@example.org");
            assertThat(bob.name()).isEqualTo("Bob");
            assertThat(f.audit.records).extracting(AuditRecord::action).contains("customer.create", "ticket.create");
        }

        @Test
        void unknownOrMistypedCustomFieldsAreRejectedWithAClearMessage() {
            f.tickets.defineField(new FieldDefinition("seats", "Seats", FieldType.NUMBER, List.of(), false), AGENT);
            NewTicket unknown = new NewTicket("s", "d", null, null, null, alice.id(), null, null, null, null, null,
                    Map.of("colour", "red"), null, null, null);
            assertThatThrownBy(() -> f.tickets.create(unknown, AGENT)).isInstanceOf(ProblemException.class)
                    .hasMessage("unknown custom field 'colour'; defined fields: seats")
                    .extracting(e -> ((ProblemException) e).status()).isEqualTo(400);
            NewTicket wrong = new NewTicket("s", "d", null, null, null, alice.id(), null, null, null, null, null,
                    Map.of("seats", "many"), null, null, null);
            assertThatThrownBy(() -> f.tickets.create(wrong, AGENT)).isInstanceOf(ProblemException.class)
                    .hasMessage("custom field 'seats' is of type number and takes a number; got text 'many'");
            assertThat(f.db.queryLong("SELECT COUNT(*) FROM tkt_ticket")).isZero();
        }

        @Test
        void requiredFieldsAndEnumOptionsAreEnforced() {
            f.tickets.defineField(new FieldDefinition("severity", "Severity", FieldType.ENUM, List.of("minor", "major"), true), AGENT);
            assertThatThrownBy(() -> open("s", "d")).hasMessage("required custom field(s) missing: severity");
            NewTicket bad = new NewTicket("s", "d", null, null, null, alice.id(), null, null, null, null, null,
                    Map.of("severity", "huge"), null, null, null);
            assertThatThrownBy(() -> f.tickets.create(bad, AGENT))
                    .hasMessage("custom field 'severity' must be one of [minor, major]; got 'huge'");
        }

        @Test
        void statusTransitionsAreValidatedAndReopeningIsAudited() {
            Ticket t = open("Printer", "jammed");
            f.clock.advance(Duration.ofMinutes(5));
            Ticket solved = f.tickets.update(t.key(), TicketUpdate.none().withStatus(TicketStatus.SOLVED), AGENT);
            assertThat(solved.solvedAt()).isEqualTo(f.clock.instant());
            assertThatThrownBy(() -> f.tickets.update(t.key(), TicketUpdate.none().withStatus(TicketStatus.PENDING), AGENT))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(409))
                    .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo("invalid-transition"))
                    .hasMessageContaining("ALX-1 cannot go from solved to pending");
            Ticket closed = f.tickets.update(t.key(), TicketUpdate.none().withStatus(TicketStatus.CLOSED), AGENT);
            assertThatThrownBy(() -> f.tickets.update(t.key(), TicketUpdate.none().withStatus(TicketStatus.SOLVED), AGENT))
                    .hasMessageContaining("cannot go from closed to solved");
            Ticket reopened = f.tickets.update(t.key(), TicketUpdate.none().withStatus(TicketStatus.OPEN), AGENT);
            assertThat(closed.solvedAt()).isNotNull();
            assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
            assertThat(reopened.solvedAt()).isNull();
            assertThat(f.audit.actions("ALX-1")).containsExactly("ticket.create", "ticket.update", "ticket.update",
                    "ticket.reopen");
            AuditRecord reopen = f.audit.of("ALX-1").get(3);
            assertThat(reopen.before()).contains("status=CLOSED");
            assertThat(reopen.after()).contains("status=OPEN");
            assertThat(reopen.actor()).isEqualTo(AGENT);
            assertThatThrownBy(() -> f.tickets.update(t.key(), TicketUpdate.none().withStatus(TicketStatus.NEW), AGENT))
                    .hasMessageContaining("cannot go from open to new");
        }

        @Test
        void anUpdateThatChangesNothingIsNotAudited() {
            Ticket t = open("Same", "same");
            assertThat(f.tickets.update(t.key(), TicketUpdate.none().withPriority(TicketPriority.NORMAL), AGENT)).isEqualTo(t);
            assertThat(f.audit.actions(t.key())).containsExactly("ticket.create");
        }

        @Test
        void updateSetsAndClearsFields() {
            f.tickets.defineField(new FieldDefinition("seats", "Seats", FieldType.NUMBER, List.of(), false), AGENT);
            Ticket t = open("Fields", "x");
            Ticket set = f.tickets.update(t.key(), new TicketUpdate("New subject", null, TicketStatus.OPEN,
                    TicketPriority.URGENT, TicketType.INCIDENT, null, "bob", "tier-1", Set.of("a", "B"),
                    Map.of("seats", 3), "web", "1.0", new Environment("macOS", null), Set.of()), AGENT);
            assertThat(set.subject()).isEqualTo("New subject");
            assertThat(set.tags()).containsExactlyInAnyOrder("a", "b");
            assertThat(set.customFields()).containsEntry("seats", new BigDecimal("3"));
            Ticket cleared = f.tickets.update(t.key(), new TicketUpdate(null, null, null, null, null, null, null, null,
                    null, null, null, null, null, Set.of("assignee", "tags", "customFields.seats", "environment")), AGENT);
            assertThat(cleared.assignee()).isNull();
            assertThat(cleared.tags()).isEmpty();
            assertThat(cleared.customFields()).isEmpty();
            assertThat(cleared.environment()).isEqualTo(Environment.UNKNOWN);
            assertThat(cleared.group()).isEqualTo("tier-1");
            assertThatThrownBy(() -> f.tickets.update(t.key(), new TicketUpdate(null, null, null, null, null, null, null,
                    null, null, null, null, null, null, Set.of("subject")), AGENT)).hasMessageContaining("cannot clear 'subject'");
        }

        @Test
        void agentRepliesAreTheFirstResponseAndCustomerRepliesReopen() {
            Ticket t = open("Question", "how?");
            f.tickets.addComment(t.key(), NewComment.note("checking"), AGENT);
            assertThat(f.tickets.require(t.key()).firstResponseAt()).isNull();
            f.clock.advance(Duration.ofMinutes(10));
            f.tickets.addComment(t.key(), NewComment.reply("like this"), AGENT);
            Ticket answered = f.tickets.require(t.key());
            assertThat(answered.firstResponseAt()).isEqualTo(f.clock.instant());
            assertThat(answered.status()).isEqualTo(TicketStatus.OPEN);
            f.tickets.update(t.key(), TicketUpdate.none().withStatus(TicketStatus.SOLVED), AGENT);
            f.tickets.addComment(t.key(), new NewComment("still broken", Visibility.PUBLIC, AuthorType.CUSTOMER),
                    Actor.system("email-workflow"));
            assertThat(f.tickets.require(t.key()).status()).isEqualTo(TicketStatus.OPEN);
            List<Comment> conversation = f.tickets.comments(t.key());
            assertThat(conversation).extracting(Comment::body).containsExactly("checking", "like this", "still broken");
            assertThat(conversation).extracting(Comment::visibility)
                    .containsExactly(Visibility.INTERNAL, Visibility.PUBLIC, Visibility.PUBLIC);
            assertThat(conversation.get(2).author()).isEqualTo("email-workflow");
            assertThat(f.events.topics()).contains(TicketTopics.COMMENTED);
            assertThatThrownBy(() -> f.tickets.addComment(t.key(), NewComment.note(" "), AGENT)).hasMessage("body is required");
        }

        @Test
        void attachmentsAreStoredUpToTheLimit() {
            Ticket t = open("With file", "see attached");
            byte[] content = "hello log".getBytes();
            Attachment a = f.tickets.addAttachment(t.key(), "C:\\logs\\app.log", "text/plain",
                    new ByteArrayInputStream(content), AGENT);
            assertThat(a.fileName()).isEqualTo("app.log");
            assertThat(a.size()).isEqualTo(content.length);
            assertThat(a.sha256()).hasSize(64);
            assertThat(f.tickets.attachments(t.key())).containsExactly(a);
            assertThat(f.tickets.attachmentContent(t.key(), a.id()).content()).isEqualTo(content);
            assertThatThrownBy(() -> f.tickets.addAttachment(t.key(), "big.bin", null,
                    new ByteArrayInputStream(new byte[1001]), AGENT))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(413))
                    .hasMessage("attachments are limited to 1000 bytes");
            assertThat(f.tickets.attachments(t.key())).hasSize(1);
            assertThat(f.audit.actions(t.key())).containsExactly("ticket.create", "ticket.attach");
        }

        @Test
        void linksAndProblemTickets() {
            Ticket a = open("Crash A", "x");
            Ticket b = open("Crash B", "y");
            TicketLink related = f.tickets.link(a.key(), LinkType.RELATED, b.key(), AGENT);
            assertThat(f.tickets.link(b.key(), LinkType.RELATED, a.key(), AGENT)).isEqualTo(related);
            assertThatThrownBy(() -> f.tickets.link(a.key(), LinkType.INCIDENT_OF, b.key(), AGENT))
                    .hasMessageContaining("INCIDENT_OF links point to a problem ticket");
            assertThatThrownBy(() -> f.tickets.link(a.key(), LinkType.RELATED, a.key(), AGENT))
                    .hasMessageContaining("itself");
            Ticket problem = f.tickets.createProblem(NewTicket.of("Crashes since 4.2", "root cause", alice.id()),
                    List.of(a.key(), b.id()), AGENT);
            assertThat(problem.type()).isEqualTo(TicketType.PROBLEM);
            assertThat(f.tickets.links(problem.key())).extracting(TicketLink::sourceKey, TicketLink::type)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ALX-1", LinkType.INCIDENT_OF),
                            org.assertj.core.groups.Tuple.tuple("ALX-2", LinkType.INCIDENT_OF));
            assertThat(f.tickets.links(a.key())).hasSize(2);
            f.tickets.unlink(b.key(), related.id(), AGENT);
            assertThat(f.tickets.links(a.key())).extracting(TicketLink::type).containsExactly(LinkType.INCIDENT_OF);
            assertThatThrownBy(() -> f.tickets.unlink(b.key(), related.id(), AGENT)).hasMessageContaining("not found");
            assertThatThrownBy(() -> f.tickets.createProblem(NewTicket.of("p", "d", alice.id()), List.of("ALX-99"), AGENT))
                    .hasMessage("ticket ALX-99 not found");
            assertThat(f.audit.actions("ALX-1")).containsExactly("ticket.create", "ticket.link", "ticket.link",
                    "ticket.unlink");
        }

        @Test
        void mergeMovesTheConversationAndClosesTheSource() {
            Ticket target = open("App crashes when opening settings", "NullPointerException in SettingsActivity");
            Ticket source = open("Settings crash", "the app crashes when I open the settings screen");
            f.tickets.addComment(source.key(), NewComment.reply("we are on it"), AGENT);
            f.tickets.addAttachment(source.key(), "trace.txt", "text/plain", new ByteArrayInputStream(new byte[3]), AGENT);
            assertThat(f.tickets.duplicatesOf(target.key(), 5)).extracting(DuplicateCandidate::key).contains(source.key());

            Ticket kept = f.tickets.merge(source.key(), target.key(), Actor.user("manager"), "same crash");

            Ticket closed = f.tickets.require(source.key());
            assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
            assertThat(f.tickets.links(source.key())).extracting(TicketLink::type, TicketLink::targetKey)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(LinkType.DUPLICATE_OF, target.key()));
            assertThat(f.tickets.comments(target.key())).extracting(Comment::body)
                    .anyMatch(b -> b.equals("we are on it"))
                    .anyMatch(b -> b.startsWith("ALX-2 (Settings crash) was merged into this ticket: same crash"));
            assertThat(f.tickets.comments(target.key())).filteredOn(c -> c.body().equals("we are on it"))
                    .extracting(Comment::movedFrom).containsExactly("ALX-2");
            assertThat(f.tickets.comments(source.key())).extracting(Comment::body)
                    .containsExactly("Merged into ALX-1: same crash");
            assertThat(f.tickets.attachments(target.key())).hasSize(1);
            assertThat(kept.key()).isEqualTo(target.key());
            assertThat(f.audit.actions(source.key())).endsWith("ticket.merge");
            assertThat(f.audit.actions(target.key())).endsWith("ticket.merge-target");
            assertThat(f.audit.of(source.key()).get(f.audit.of(source.key()).size() - 1).reason()).isEqualTo("same crash");
            assertThat(f.events.topics()).contains(TicketTopics.MERGED);
            assertThat(f.tickets.duplicatesOf(target.key(), 5)).extracting(DuplicateCandidate::key).doesNotContain(source.key());
            assertThatThrownBy(() -> f.tickets.merge(source.key(), target.key(), AGENT, null)).hasMessageContaining("already merged");
            assertThatThrownBy(() -> f.tickets.merge(target.key(), target.key(), AGENT, null)).hasMessageContaining("itself");
        }

        @Test
        void bulkUpdateReportsEachTicketAndAuditsEachChange() {
            Ticket a = open("One", "x");
            Ticket b = open("Two", "y");
            f.tickets.update(b.key(), TicketUpdate.none().withStatus(TicketStatus.CLOSED), AGENT);
            List<TicketService.BulkResult> results = f.tickets.bulkUpdate(List.of(a.key(), b.key(), "ALX-77"),
                    TicketUpdate.none().withStatus(TicketStatus.PENDING).withAssignee("carol"), Actor.user("manager"));
            assertThat(results).extracting(TicketService.BulkResult::ok).containsExactly(true, false, false);
            assertThat(results).extracting(TicketService.BulkResult::status).containsExactly(200, 409, 404);
            assertThat(f.tickets.require(a.key()).assignee()).isEqualTo("carol");
            assertThat(f.tickets.require(b.key()).assignee()).isNull();
            assertThat(f.audit.actions(a.key())).containsExactly("ticket.create", "ticket.update");
            assertThat(f.audit.of(a.key()).get(1).reason()).isEqualTo("bulk update of 3 tickets");
        }

        @Test
        void searchFiltersSortsAndPages() {
            for (int i = 1; i <= 7; i++) {
                open("Item " + i + (i % 2 == 0 ? " printer" : " network"), "description " + i);
                f.clock.advance(Duration.ofMinutes(1));
            }
            f.tickets.update("ALX-3", new TicketUpdate(null, null, TicketStatus.OPEN, TicketPriority.URGENT, null, null,
                    "dave", null, Set.of("vip"), null, "mobile-app", null, null, Set.of()), AGENT);
            TicketSearch all = TicketSearch.all(3);
            List<Ticket> page1 = f.tickets.search(all);
            assertThat(page1).extracting(Ticket::key).containsExactly("ALX-7", "ALX-6", "ALX-5");
            List<Ticket> page2 = f.tickets.search(new TicketSearch(null, Set.of(), null, null, null, null, null, null,
                    null, TicketSearch.Sort.CREATED, true,
                    org.alexandria.tickets.internal.store.TicketStore.position(page1.get(2), TicketSearch.Sort.CREATED), 3));
            assertThat(page2).extracting(Ticket::key).containsExactly("ALX-4", "ALX-3", "ALX-2");
            assertThat(f.tickets.search(new TicketSearch("PRINTER", Set.of(), null, null, null, null, null, null, null,
                    TicketSearch.Sort.NUMBER, false, null, 10))).extracting(Ticket::key).containsExactly("ALX-2", "ALX-4", "ALX-6");
            assertThat(f.tickets.search(new TicketSearch(null, Set.of(TicketStatus.OPEN), TicketPriority.URGENT, "dave",
                    null, "VIP", alice.id(), alice.organizationId(), "mobile-app", TicketSearch.Sort.PRIORITY, true, null, 10)))
                    .extracting(Ticket::key).containsExactly("ALX-3");
            assertThat(f.tickets.search(new TicketSearch("alx-5", Set.of(), null, null, null, null, null, null, null,
                    TicketSearch.Sort.NUMBER, false, null, 10))).extracting(Ticket::key).containsExactly("ALX-5");
            assertThat(f.tickets.search(new TicketSearch("100%_", Set.of(), null, null, null, null, null, null, null,
                    TicketSearch.Sort.NUMBER, false, null, 10))).isEmpty();
        }

        @Test
        void possibleDuplicatesComeFromTheIndexWhichIsRebuiltAtActivation() throws Exception {
            open("Upgrade to netty 4.1 breaks TLS handshake", "After upgrading netty the SslHandler fails with handshake timeout");
            open("Printer offline", "the office printer is offline");
            List<DuplicateCandidate> found = f.tickets.possibleDuplicates("TLS handshake fails after netty upgrade",
                    "SslHandler handshake timeout", 5);
            assertThat(found).isNotEmpty();
            assertThat(found.get(0).key()).isEqualTo("ALX-1");
            assertThat(found.get(0).explanation()).isNotBlank();
            assertThat(found.get(0).score()).isPositive();

            TicketService restarted = f.restart();
            try {
                assertThat(restarted.possibleDuplicates("netty TLS handshake", "SslHandler", 5))
                        .extracting(DuplicateCandidate::key).first().isEqualTo("ALX-1");
            } finally {
                restarted.deactivate();
            }
            TicketService.Created created = f.tickets.createWithDuplicates(NewTicket.of("netty handshake timeout",
                    "SslHandler TLS", alice.id()), AGENT, false);
            assertThat(created.possibleDuplicates()).extracting(DuplicateCandidate::key).contains("ALX-1")
                    .doesNotContain(created.ticket().key());
            assertThatThrownBy(() -> f.tickets.possibleDuplicates("a", "b", 0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void customersAndOrganizations() {
            Customer read = f.customers.customer(alice.id()).orElseThrow();
            assertThat(read).isEqualTo(alice);
            assertThat(read.email()).isEqualTo("alice@acme.example");
            assertThat(read.consents()).containsEntry("marketing", false);
            assertThat(read.contactChannels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.PHONE);
            Customer changed = f.customers.updateCustomer(alice.id(), new CustomerService.CustomerInput(null, null, "+41 1",
                    null, "", null, null, null, null, Map.of("marketing", true)), AGENT);
            assertThat(changed.phone()).isEqualTo("+41 1");
            assertThat(changed.plan()).isNull();
            assertThat(changed.region()).isEqualTo("EMEA");
            assertThat(changed.consents()).isEqualTo(Map.of("marketing", true));
            assertThatThrownBy(() -> f.customers.createCustomer(new CustomerService.CustomerInput("Other",
                    "alice@acme.example", null, null, null, null, null, null, null, null), AGENT))
                    .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(409));
            assertThatThrownBy(() -> f.customers.createCustomer(new CustomerService.CustomerInput("X", "not-an-email",
                    null, null, null, null, null, null, null, null), AGENT)).hasMessageContaining("not an email address");
            open("has a ticket", "x");
            assertThatThrownBy(() -> f.customers.deleteCustomer(alice.id(), AGENT)).hasMessageContaining("still has tickets");
            assertThatThrownBy(() -> f.customers.deleteOrganization(alice.organizationId(), AGENT))
                    .hasMessageContaining("still has customers");
            Organization org = f.customers.createOrganization(new CustomerService.OrganizationInput("Empty", null, null,
                    null, null, null), AGENT);
            f.customers.deleteOrganization(org.id(), AGENT);
            assertThat(f.customers.organization(org.id())).isEmpty();
            assertThat(f.customers.organizations(null, null, 10)).extracting(Organization::name).containsExactly("Acme");
            assertThat(f.customers.customers("ALI", null, null, 10)).extracting(Customer::name).containsExactly("Alice");
            assertThat(f.audit.actions(org.id())).containsExactly("organization.create", "organization.delete");
        }

        @Test
        void fieldTypesCannotChangeUnderExistingValues() {
            f.tickets.defineField(new FieldDefinition("seats", "Seats", FieldType.NUMBER, List.of(), false), AGENT);
            f.tickets.create(new NewTicket("s", "d", null, null, null, alice.id(), null, null, null, null, null,
                    new HashMap<>(Map.of("seats", 2)), null, null, null), AGENT);
            assertThatThrownBy(() -> f.tickets.defineField(new FieldDefinition("seats", "Seats", FieldType.STRING,
                    List.of(), false), AGENT)).hasMessageContaining("cannot change from NUMBER to STRING");
            assertThat(f.tickets.defineField(new FieldDefinition("seats", "Seat count", FieldType.NUMBER, List.of(), false),
                    AGENT).label()).isEqualTo("Seat count");
            assertThatThrownBy(() -> f.tickets.defineField(new FieldDefinition("Bad Name", "x", FieldType.STRING,
                    List.of(), false), AGENT)).hasMessageContaining("field name");
        }
    }
}
