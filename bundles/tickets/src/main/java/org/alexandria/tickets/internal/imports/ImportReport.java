package org.alexandria.tickets.internal.imports;

import java.util.List;

/**
 * What an import did: valid rows became tickets, invalid rows are listed with the reason.
 *
 * @param importId id of the import's audit entry ({@code ticket-import})
 * @param rows     data rows read
 * @param imported how many became tickets
 * @param failed   how many did not
 * @param tickets  the tickets created, by row
 * @param errors   the rows that failed, with the reason
 */
public record ImportReport(String importId, int rows, int imported, int failed, List<ImportedRow> tickets,
        List<RowError> errors) {

    /**
     * A row that became a ticket.
     *
     * @param row data row number, 1 for the first row after the CSV header or the first element of the JSON array
     * @param key the new ticket's key
     */
    public record ImportedRow(int row, String key) {
    }

    /**
     * A row that did not.
     *
     * @param row    data row number
     * @param status the HTTP status the same ticket would have got from POST /api/v1/tickets
     * @param reason why
     */
    public record RowError(int row, int status, String reason) {
    }
}
