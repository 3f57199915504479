package org.alexandria.tickets.internal.imports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.ticket.Channel;
import org.alexandria.api.ticket.Environment;
import org.alexandria.api.ticket.NewTicket;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketType;
import org.alexandria.tickets.internal.service.TicketService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Imports tickets from CSV or JSON. The whole input is read and checked for size and row count first (413 above
 * the limits, 400 for input that is not CSV with a known header or not a JSON array); then each row becomes a
 * ticket on its own, or an error in the report. Each ticket is audited ({@code ticket.create} with the import as
 * reason), and the import itself once ({@code ticket-import.run}).
 */
@Component(service = TicketImporter.class)
public final class TicketImporter {

    /** CSV columns besides the custom fields ({@code cf.<name>}). */
    public static final Set<String> COLUMNS = Set.of("subject", "description", "type", "priority", "channel",
            "requesterId", "requesterEmail", "requesterName", "assignee", "group", "tags", "product", "appVersion", "os",
            "device");
    /** Prefix of custom field columns. */
    public static final String CUSTOM_FIELD_PREFIX = "cf.";

    private final TicketService tickets;
    private final AuditTrail audit;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * @param tickets the ticket service
     * @param audit   the audit trail
     */
    @Activate
    public TicketImporter(@Reference TicketService tickets, @Reference AuditTrail audit) {
        this.tickets = tickets;
        this.audit = audit;
        json.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** The input formats. */
    public enum Format {
        /** RFC 4180 CSV with a header row, UTF-8. */
        CSV,
        /** A JSON array of ticket objects (the body of POST /api/v1/tickets). */
        JSON
    }

    /**
     * @param format the input's format
     * @param input  the input
     * @param actor  who imports
     * @return the report
     */
    public ImportReport run(Format format, InputStream input, Actor actor) {
        String text = read(input, tickets.config().importMaxBytes());
        List<Row> rows = format == Format.CSV ? csv(text) : json(text);
        int max = tickets.config().importMaxRows();
        if (rows.size() > max) {
            throw new ProblemException(413, "too-many-rows", "Import too large",
                    "the import has " + rows.size() + " rows; the limit is " + max);
        }
        String importId = UUID.randomUUID().toString();
        String reason = "import " + importId;
        List<ImportReport.ImportedRow> imported = new ArrayList<>();
        List<ImportReport.RowError> errors = new ArrayList<>();
        for (Row row : rows) {
            if (row.error() != null) {
                errors.add(new ImportReport.RowError(row.number(), 400, row.error()));
                continue;
            }
            try {
                Ticket t = tickets.create(row.ticket(), actor, format == Format.CSV, reason);
                imported.add(new ImportReport.ImportedRow(row.number(), t.key()));
            } catch (ProblemException e) {
                errors.add(new ImportReport.RowError(row.number(), e.status(), e.getMessage()));
            } catch (IllegalArgumentException e) {
                errors.add(new ImportReport.RowError(row.number(), 400, e.getMessage()));
            }
        }
        audit.append(new AuditRecord(actor, "ticket-import.run", new EntityRef("ticket-import", importId), null, null,
                format + " import: " + rows.size() + " rows, " + imported.size() + " imported, " + errors.size()
                        + " failed" + (imported.isEmpty() ? "" : "; first " + imported.get(0).key() + ", last "
                        + imported.get(imported.size() - 1).key())));
        return new ImportReport(importId, rows.size(), imported.size(), errors.size(), imported, errors);
    }

    private record Row(int number, @Nullable NewTicket ticket, @Nullable String error) {
    }

    private static String read(InputStream input, long max) {
        byte[] bytes;
        try (InputStream in = input) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw ProblemException.badRequest("the import could not be read: " + e.getMessage());
        }
        if (bytes.length > max) {
            throw new ProblemException(413, "payload-too-large", "Import too large",
                    "imports are limited to " + max + " bytes");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("the import is not UTF-8 text");
        }
    }

    // ---- CSV

    private static List<Row> csv(String text) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).build();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            Set<String> unknown = new TreeSet<>();
            for (String column : header) {
                if (!COLUMNS.contains(column) && !(column.startsWith(CUSTOM_FIELD_PREFIX)
                        && column.length() > CUSTOM_FIELD_PREFIX.length())) {
                    unknown.add(column);
                }
            }
            if (header.isEmpty() || !unknown.isEmpty()) {
                throw ProblemException.badRequest("unknown CSV column(s) " + unknown + "; the header names columns of "
                        + new TreeSet<>(COLUMNS) + " and custom fields as cf.<name>");
            }
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                rows.add(csvRow(number, record, header));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // malformed CSV (unterminated quote, duplicate header names) is the caller's mistake
            throw ProblemException.badRequest("the CSV cannot be read: " + e.getMessage());
        }
        return rows;
    }

    private static Row csvRow(int number, CSVRecord record, List<String> header) {
        if (!record.isConsistent()) {
            return new Row(number, null, "the row has " + record.size() + " cells; the header has " + header.size());
        }
        Map<String, String> cells = new HashMap<>();
        Map<String, Object> custom = new HashMap<>();
        for (String column : header) {
            String value = record.get(column);
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (column.startsWith(CUSTOM_FIELD_PREFIX)) {
                custom.put(column.substring(CUSTOM_FIELD_PREFIX.length()), value);
            } else {
                cells.put(column, value);
            }
        }
        try {
            Set<String> tags = cells.containsKey("tags")
                    ? new LinkedHashSet<>(Arrays.asList(cells.get("tags").split("[;|]\\s*"))) : null;
            if (tags != null) {
                tags.removeIf(String::isBlank);
            }
            Environment environment = cells.containsKey("os") || cells.containsKey("device")
                    ? new Environment(cells.get("os"), cells.get("device")) : null;
            NewTicket ticket = new NewTicket(cells.get("subject"), cells.getOrDefault("description", ""),
                    enumCell("type", cells.get("type"), TicketType.class),
                    enumCell("priority", cells.get("priority"), TicketPriority.class),
                    enumCell("channel", cells.get("channel"), Channel.class), cells.get("requesterId"),
                    cells.get("requesterEmail"), cells.get("requesterName"), cells.get("assignee"), cells.get("group"),
                    tags, custom, cells.get("product"), cells.get("appVersion"), environment);
            return new Row(number, ticket, null);
        } catch (IllegalArgumentException e) {
            return new Row(number, null, e.getMessage());
        }
    }

    private static <E extends Enum<E>> @Nullable E enumCell(String column, @Nullable String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + "; got '" + value + "'");
        }
    }

    // ---- JSON

    private List<Row> json(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the JSON cannot be read: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw ProblemException.badRequest("a JSON import is an array of tickets");
        }
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (JsonNode element : root) {
            number++;
            try {
                if (!element.isObject()) {
                    throw new IllegalArgumentException("element is not an object");
                }
                rows.add(new Row(number, json.treeToValue(element, NewTicket.class), null));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                rows.add(new Row(number, null, message));
            }
        }
        return rows;
    }
}
