package org.alexandria.tickets.internal.sla;

import static org.alexandria.tickets.internal.service.Fixture.AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.event.EntityChange;
import org.alexandria.api.ticket.NewComment;
import org.alexandria.api.ticket.NewTicket;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketStatus;
import org.alexandria.api.ticket.TicketTopics;
import org.alexandria.api.ticket.TicketUpdate;
import org.alexandria.tickets.internal.model.Customer;
import org.alexandria.tickets.internal.service.CustomerService;
import org.alexandria.tickets.internal.service.Fixture;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SLA policies, due times and breach detection, on H2 and PostgreSQL. */
class SlaServiceTest {

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
        SlaService sla;
        Customer gold;
        Customer basic;

        Contract(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeEach
        void start() {
            f = new Fixture(kind);
            sla = new SlaService(f.tickets, f.audit, f.clock, 0);
            f.tickets.setDueTimes(sla);
            var org = f.customers.createOrganization(new CustomerService.OrganizationInput("Gold Corp", null, "enterprise",
                    null, null, null), AGENT);
            gold = f.customers.createCustomer(new CustomerService.CustomerInput("Gina", "gina@gold.example", null,
                    org.id(), null, null, null, null, null, null), AGENT);
            basic = f.customers.createCustomer(new CustomerService.CustomerInput("Bert", "bert@example.org", null, null,
                    "basic", null, null, null, null, null), AGENT);
            // enterprise: 24x7, urgent 30 min / 4 h; everyone else: Zurich office hours, normal 4 h / 2 days
            sla.create(new SlaService.PolicyInput("Enterprise", "enterprise", 1, null, List.of(
                    new SlaPolicy.Target(TicketPriority.URGENT, 30, 240),
                    new SlaPolicy.Target(TicketPriority.NORMAL, 60, 480))), AGENT);
            sla.create(new SlaService.PolicyInput("Standard", null, 10, new SlaService.HoursInput("Europe/Zurich",
                    List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                    "09:00", "17:00"), List.of(new SlaPolicy.Target(TicketPriority.NORMAL, 240, 960))), AGENT);
        }

        @AfterEach
        void stop() throws Exception {
            f.close();
        }

        @Test
        void dueTimesFollowTheMatchingPolicyAndPriority() {
            // the fixture clock: Wednesday 2024-05-01 10:00 UTC = 12:00 in Zurich
            Ticket enterprise = f.tickets.create(NewTicket.of("Down", "all down", gold.id()), AGENT);
            assertThat(enterprise.slaPolicyId()).isEqualTo(sla.policies().get(0).id());
            assertThat(enterprise.firstResponseDueAt()).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
            assertThat(enterprise.resolutionDueAt()).isEqualTo(Instant.parse("2024-05-01T18:00:00Z"));

            Ticket urgent = f.tickets.update(enterprise.key(), TicketUpdate.none().withPriority(TicketPriority.URGENT), AGENT);
            assertThat(urgent.firstResponseDueAt()).isEqualTo(Instant.parse("2024-05-01T10:30:00Z"));

            Ticket standard = f.tickets.create(NewTicket.of("Question", "how?", basic.id()), AGENT);
            assertThat(standard.slaPolicyId()).isEqualTo(sla.policies().get(1).id());
            // 4 business hours from 12:00 Zurich: 16:00 Zurich = 14:00 UTC; 16 business hours: Friday 12:00 Zurich
            assertThat(standard.firstResponseDueAt()).isEqualTo(Instant.parse("2024-05-01T14:00:00Z"));
            assertThat(standard.resolutionDueAt()).isEqualTo(Instant.parse("2024-05-03T10:00:00Z"));

            Ticket low = f.tickets.update(standard.key(), TicketUpdate.none().withPriority(TicketPriority.LOW), AGENT);
            assertThat(low.firstResponseDueAt()).isNull();
            assertThat(low.slaPolicyId()).isEqualTo(standard.slaPolicyId());
        }

        @Test
        void overdueTicketsAreRecordedOnceWithAuditAndEvent() {
            Ticket late = f.tickets.create(NewTicket.of("Down", "all down", gold.id()), AGENT);
            Ticket answered = f.tickets.create(NewTicket.of("Slow", "slow", gold.id()), AGENT);
            f.tickets.addComment(answered.key(), NewComment.reply("looking"), AGENT);
            assertThat(sla.checkBreaches()).isZero();

            f.clock.advance(Duration.ofMinutes(61));
            assertThat(sla.checkBreaches()).isEqualTo(1);
            assertThat(sla.checkBreaches()).isZero();
            Ticket breached = f.tickets.require(late.key());
            assertThat(breached.firstResponseBreached()).isTrue();
            assertThat(breached.resolutionBreached()).isFalse();
            AuditRecord entry = f.audit.of(late.key()).get(f.audit.of(late.key()).size() - 1);
            assertThat(entry.action()).isEqualTo("ticket.sla-breach");
            assertThat(entry.actor()).isEqualTo(SlaService.CHECKER);
            assertThat(entry.after()).startsWith("first response was due at 2024-05-01T11:00:00Z");
            assertThat(f.events.published).filteredOn(e -> e.topic().equals(TicketTopics.SLA_BREACHED))
                    .extracting(e -> ((EntityChange) e.payload()).summary()).containsExactly("ALX-1 first response overdue");

            f.clock.advance(Duration.ofHours(8));
            f.tickets.update(answered.key(), TicketUpdate.none().withStatus(TicketStatus.SOLVED), AGENT);
            assertThat(sla.checkBreaches()).isEqualTo(1);
            assertThat(f.tickets.require(late.key()).resolutionBreached()).isTrue();
            assertThat(f.tickets.require(answered.key()).resolutionBreached()).isTrue();
        }

        @Test
        void aLateFirstResponseIsABreach() {
            Ticket t = f.tickets.create(NewTicket.of("Down", "all down", gold.id()), AGENT);
            f.clock.advance(Duration.ofMinutes(90));
            f.tickets.addComment(t.key(), NewComment.reply("sorry for the wait"), AGENT);
            assertThat(f.tickets.require(t.key()).firstResponseBreached()).isTrue();
            assertThat(sla.checkBreaches()).isZero();
        }

        @Test
        void policiesAreValidatedAndAudited() {
            assertThatThrownBy(() -> sla.create(new SlaService.PolicyInput("X", null, null, null, List.of()), AGENT))
                    .hasMessageContaining("at least one priority");
            assertThatThrownBy(() -> sla.create(new SlaService.PolicyInput("X", null, null,
                    new SlaService.HoursInput("Mars/Base", List.of(DayOfWeek.MONDAY), "09:00", "17:00"),
                    List.of(new SlaPolicy.Target(TicketPriority.LOW, 10, null))), AGENT)).hasMessageContaining("invalid businessHours");
            assertThatThrownBy(() -> sla.create(new SlaService.PolicyInput("X", null, null, null,
                    List.of(new SlaPolicy.Target(TicketPriority.LOW, 0, null))), AGENT)).hasMessageContaining("between 1 and");
            assertThatThrownBy(() -> sla.create(new SlaService.PolicyInput("Standard", null, null, null,
                    List.of(new SlaPolicy.Target(TicketPriority.LOW, 5, null))), AGENT))
                    .hasMessageContaining("same unique value");
            SlaPolicy standard = sla.policies().get(1);
            SlaPolicy replaced = sla.replace(standard.id(), new SlaService.PolicyInput("Standard", null, 5, null,
                    List.of(new SlaPolicy.Target(TicketPriority.HIGH, 15, 120))), AGENT);
            assertThat(replaced.businessHours()).isNull();
            assertThat(sla.policy(standard.id())).isEqualTo(replaced);
            sla.delete(standard.id(), AGENT);
            assertThat(sla.policies()).hasSize(1);
            assertThat(f.audit.actions(standard.id())).containsExactly("sla-policy.create", "sla-policy.update",
                    "sla-policy.delete");
        }
    }
}
