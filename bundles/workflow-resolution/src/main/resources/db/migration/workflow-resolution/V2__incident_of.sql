-- The problem ticket the workflow made this ticket an incident of (an INCIDENT_OF link in the tickets plugin),
-- so that a run knows it from its own row instead of reading the ticket's links; null until it is linked.
ALTER TABLE alx_wf_resolution ADD COLUMN incident_of VARCHAR(36);
