-- A runner the watchdog gives up on cannot abort its unfinished upload; the web side does, durably
-- (docs/runs.md, "Stall handling and the watchdog"). upload_abort is NONE, PENDING (recorded in the
-- transaction that ends the run, so a process that stops before cleaning up leaves it to the next
-- sweep), ABORTED or GAVE_UP. upload_abort_due_at holds the next attempt's time only while PENDING,
-- so the sweep finds the due ones through its index.
ALTER TABLE run_backup ADD COLUMN upload_abort VARCHAR(16) NOT NULL DEFAULT 'NONE';
ALTER TABLE run_backup ADD COLUMN upload_abort_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run_backup ADD COLUMN upload_abort_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE run_backup ADD COLUMN upload_abort_error VARCHAR(500);
CREATE INDEX run_backup_upload_abort_due_idx ON run_backup (upload_abort_due_at);
