-- The missed-slot ledger (docs/notifications.md "Missed slots"): per scheduled database, the latest
-- schedule slot MissedSlotSweep has looked at and the schedule it looked at it under. The next sweep
-- goes on from there however long every process was down. A sweep locks the row, tells what was
-- missed and moves checked_through in one transaction, so two processes never tell a slot twice.
CREATE TABLE notify_missed_slot_ledger (
    target_id       UUID                     NOT NULL PRIMARY KEY,
    tenant_id       UUID                     NOT NULL,
    schedule        VARCHAR(200)             NOT NULL,
    checked_through TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX notify_missed_slot_ledger_tenant_idx ON notify_missed_slot_ledger (tenant_id);
