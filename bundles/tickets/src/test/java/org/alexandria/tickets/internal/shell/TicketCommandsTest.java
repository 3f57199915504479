package org.alexandria.tickets.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alexandria.api.ticket.LinkType;
import org.alexandria.api.ticket.NewComment;
import org.alexandria.api.ticket.NewTicket;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketStatus;
import org.alexandria.api.ticket.TicketUpdate;
import org.alexandria.tickets.internal.model.FieldDefinition;
import org.alexandria.tickets.internal.model.FieldType;
import org.alexandria.tickets.internal.service.Fixture;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private Fixture f;

    @BeforeEach
    void start() {
        f = new Fixture(TestDatabase.Kind.H2);
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        System.setOut(savedOut);
        System.setErr(savedErr);
        f.close();
    }

    private Ticket open(String subject) {
        return f.tickets.create(new NewTicket(subject, "description of " + subject, null, null, null, null,
                "alice@example.org", "Alice", null, null, Set.of("mobile"), null, null, null, null), Fixture.AGENT);
    }

    @Test
    void listFiltersAndLimits() {
        open("First");
        Ticket second = open("Second");
        open("Third");
        f.tickets.update(second.key(), TicketUpdate.none().withStatus(TicketStatus.PENDING).withAssignee("bob"), Fixture.AGENT);

        TicketListCommand all = new TicketListCommand();
        all.tickets = f.tickets;
        all.limit = 2;
        all.execute();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("Key", "Subject", "ALX-3", "ALX-2").doesNotContain("ALX-1 ");

        out.reset();
        TicketListCommand pending = new TicketListCommand();
        pending.tickets = f.tickets;
        pending.status = "pending,on-hold";
        pending.assignee = "bob";
        pending.execute();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ALX-2", "PENDING", "bob").doesNotContain("ALX-3");

        TicketListCommand wrong = new TicketListCommand();
        wrong.tickets = f.tickets;
        wrong.status = "done";
        wrong.execute();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown status");
    }

    @Test
    void showPrintsFieldsConversationAttachmentsAndLinks() {
        f.tickets.defineField(new FieldDefinition("seats", "Seats", FieldType.NUMBER, List.of(), false), Fixture.AGENT);
        Ticket a = f.tickets.create(new NewTicket("Crash on start", "NullPointerException", null, null, null, null,
                "alice@example.org", null, "bob", "tier-2", null, Map.of("seats", 4), "mobile-app", "4.2", null),
                Fixture.AGENT);
        Ticket b = open("Other");
        f.tickets.addComment(a.key(), NewComment.reply("Which device?"), Fixture.AGENT);
        f.tickets.addAttachment(a.key(), "app.log", "text/plain", new ByteArrayInputStream(new byte[12]), Fixture.AGENT);
        f.tickets.link(a.key(), LinkType.RELATED, b.key(), Fixture.AGENT);

        TicketShowCommand show = new TicketShowCommand();
        show.tickets = f.tickets;
        show.key = "alx-1";
        show.execute();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("ALX-1  Crash on start", "Status:", "OPEN", "Assignee:", "bob", "seats:", "4",
                "mobile-app 4.2", "NullPointerException", "Conversation (1)", "Which device?", "PUBLIC  agent (agent)",
                "Attachments (1)", "app.log", "12 bytes", "Links (1)", "ALX-1 RELATED ALX-2");

        show.key = "ALX-99";
        show.execute();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No ticket ALX-99");
    }
}
