-- One row per scheduled target. The dispatcher claims rows whose next_slot_at has passed,
-- advances next_slot_at and publishes one BackupSlotDue per row in the same transaction
-- (docs/schedules.md). The spec is stored in its parts so an operator can read it in SQL.
CREATE TABLE schedule (
    target_id      UUID                     NOT NULL PRIMARY KEY,
    tenant_id      UUID                     NOT NULL,
    frequency      VARCHAR(16)              NOT NULL,
    minute_of_hour SMALLINT,
    hour_of_day    SMALLINT,
    day_of_week    VARCHAR(9),
    day_of_month   SMALLINT,
    time_zone      VARCHAR(64),
    bucket         SMALLINT                 NOT NULL,
    next_slot_at   TIMESTAMP WITH TIME ZONE,
    last_slot_at   TIMESTAMP WITH TIME ZONE,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT schedule_frequency_check CHECK (frequency IN ('MANUAL', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY'))
);
CREATE INDEX schedule_next_slot_idx ON schedule (next_slot_at);
CREATE INDEX schedule_tenant_idx ON schedule (tenant_id);
