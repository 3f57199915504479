-- The SLA breach check looks for tickets whose first response (or resolution) is overdue, not done and not yet
-- recorded as breached. Indexed on the due time alone, that search walked every ticket ever due, answered and
-- breached ones included (and, on H2, every ticket without a due time, whose NULLs sort first), once a minute:
-- seconds of CPU on a platform with tens of thousands of tickets. Led by "not done" and "not breached", the index
-- holds exactly the tickets the check is looking for in one range.
DROP INDEX tkt_ticket_first_due;
DROP INDEX tkt_ticket_resolution_due;
CREATE INDEX tkt_ticket_first_response_open ON tkt_ticket (first_response_ms, first_response_breached, first_response_due_ms);
CREATE INDEX tkt_ticket_resolution_open ON tkt_ticket (solved_ms, resolution_breached, resolution_due_ms);
