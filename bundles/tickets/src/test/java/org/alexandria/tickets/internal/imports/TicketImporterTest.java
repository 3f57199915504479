package org.alexandria.tickets.internal.imports;

import static org.alexandria.tickets.internal.service.Fixture.AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.ticket.Channel;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.tickets.internal.TestConfig;
import org.alexandria.tickets.internal.model.FieldDefinition;
import org.alexandria.tickets.internal.model.FieldType;
import org.alexandria.tickets.internal.service.Fixture;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketImporterTest {

    Fixture f;
    TicketImporter importer;

    @BeforeEach
    void start() {
        f = new Fixture(TestDatabase.Kind.H2, TestConfig.tickets(2000, 5, 4));
        importer = new TicketImporter(f.tickets, f.audit);
        f.tickets.defineField(new FieldDefinition("seats", "Seats", FieldType.NUMBER, List.of(), false), AGENT);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    ImportReport run(TicketImporter.Format format, String text) {
        return importer.run(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), AGENT);
    }

    @Test
    void validCsvRowsAreImportedAndInvalidRowsReported() {
        ImportReport report = run(TicketImporter.Format.CSV, """
                subject,description,priority,channel,requesterEmail,tags,cf.seats,cf.colour,os
                Login fails,"since the update, every time",high,email,alice@example.org,login;mobile,12,,Android 14
                ,no subject,,,alice@example.org,,,,
                Wrong seats,x,,,alice@example.org,,many,,
                Unknown field,x,,,alice@example.org,,,red,
                """);
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.tickets()).containsExactly(new ImportReport.ImportedRow(1, "ALX-1"));
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(2, 3, 4);
        assertThat(report.errors().get(0).reason()).isEqualTo("subject is required");
        assertThat(report.errors().get(1).reason()).isEqualTo("custom field 'seats' is a number; 'many' is not a number");
        assertThat(report.errors().get(2).reason()).startsWith("unknown custom field 'colour'");
        Ticket t = f.tickets.require("ALX-1");
        assertThat(t.description()).isEqualTo("since the update, every time");
        assertThat(t.priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(t.channel()).isEqualTo(Channel.EMAIL);
        assertThat(t.tags()).containsExactlyInAnyOrder("login", "mobile");
        assertThat(t.customFields()).containsEntry("seats", new BigDecimal("12"));
        assertThat(t.environment().os()).isEqualTo("Android 14");
        assertThat(f.audit.of("ALX-1").get(0).reason()).isEqualTo("import " + report.importId());
        assertThat(f.audit.actions(report.importId())).containsExactly("ticket-import.run");
    }

    @Test
    void jsonRowsUseTheTicketShape() {
        ImportReport report = run(TicketImporter.Format.JSON, """
                [{"subject":"A","description":"a","requesterEmail":"a@example.org","customFields":{"seats":3}},
                 {"subject":"B","description":"b","requesterEmail":"b@example.org","colour":"red"},
                 "not an object"]
                """);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(2, 3);
        assertThat(report.errors().get(0).reason()).contains("colour");
        assertThat(f.tickets.require("ALX-1").customFields()).containsEntry("seats", new BigDecimal("3"));
    }

    @Test
    void limitsAndMalformedInputRefuseTheWholeImport() {
        assertThatThrownBy(() -> run(TicketImporter.Format.CSV, "subject,description,requesterEmail\n"
                + "a,a,a@example.org\nb,b,b@example.org\nc,c,c@example.org\nd,d,d@example.org\ne,e,e@example.org\n"))
                .isInstanceOf(ProblemException.class).hasMessage("the import has 5 rows; the limit is 4")
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(413);
        assertThatThrownBy(() -> run(TicketImporter.Format.CSV, "subject," + "x".repeat(2000)))
                .hasMessage("imports are limited to 2000 bytes");
        assertThatThrownBy(() -> run(TicketImporter.Format.CSV, "subject,colour\na,red\n"))
                .hasMessageStartingWith("unknown CSV column(s) [colour]");
        assertThatThrownBy(() -> run(TicketImporter.Format.JSON, "{\"subject\":\"a\"}"))
                .hasMessage("a JSON import is an array of tickets");
        assertThatThrownBy(() -> run(TicketImporter.Format.JSON, "[{"))
                .hasMessageStartingWith("the JSON cannot be read");
        assertThatThrownBy(() -> run(TicketImporter.Format.CSV, "subject,description\n\"unterminated,x\n"))
                .hasMessageStartingWith("the CSV cannot be read");
        assertThat(f.db.queryLong("SELECT COUNT(*) FROM tkt_ticket")).isZero();
    }
}
