-- Restore verification (docs/runs.md, "Verification"). What the latest verification found is kept on the
-- backup run itself; each verification job is a row of its own, with its own state machine and ticket.
ALTER TABLE run_backup ADD COLUMN verification_detail VARCHAR(2000);
ALTER TABLE run_backup ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;

-- Two constraints, as for runs: active_run_id holds run_id while the verification is QUEUED,
-- LAUNCHING or RUNNING (a backup has at most one verification under way), and running_target_id
-- holds target_id while it is LAUNCHING or RUNNING (one verification runner per database at a time,
-- so two restore tests never share the verification database). Neither touches run_backup's own
-- active constraint: verifications never block backups.
CREATE TABLE run_verification (
    id                   UUID                     NOT NULL PRIMARY KEY,
    tenant_id            UUID                     NOT NULL REFERENCES tenant (id),
    run_id               UUID                     NOT NULL REFERENCES run_backup (id) ON DELETE CASCADE,
    target_id            UUID                     NOT NULL,
    database_label       VARCHAR(40)              NOT NULL,
    origin               VARCHAR(16)              NOT NULL,
    state                VARCHAR(16)              NOT NULL,
    active_run_id        UUID,
    running_target_id    UUID,
    attempts             INTEGER                  NOT NULL DEFAULT 0,
    not_before           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    launched_at          TIMESTAMP WITH TIME ZONE,
    started_at           TIMESTAMP WITH TIME ZONE,
    finished_at          TIMESTAMP WITH TIME ZONE,
    last_contact_at      TIMESTAMP WITH TIME ZONE,
    deadline_at          TIMESTAMP WITH TIME ZONE,
    stage                VARCHAR(32),
    bytes_in             BIGINT                   NOT NULL DEFAULT 0,
    bytes_out            BIGINT                   NOT NULL DEFAULT 0,
    cancel_requested_at  TIMESTAMP WITH TIME ZONE,
    cancel_reason        VARCHAR(500),
    ticket_hash          VARCHAR(64),
    ticket_expires_at    TIMESTAMP WITH TIME ZONE,
    launcher             VARCHAR(16),
    launcher_ref         VARCHAR(200),
    restore_mode         VARCHAR(16),
    restore_note         VARCHAR(500),
    restore_tested       BOOLEAN                  NOT NULL DEFAULT FALSE,
    detail               VARCHAR(2000),
    last_failure_kind    VARCHAR(32),
    last_failure_message VARCHAR(4000),
    report               VARCHAR(100000),
    version              BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT run_verification_active_run_unique UNIQUE (active_run_id),
    CONSTRAINT run_verification_running_target_unique UNIQUE (running_target_id)
);
CREATE INDEX run_verification_state_idx ON run_verification (state, not_before);
CREATE INDEX run_verification_run_idx ON run_verification (run_id, created_at);
CREATE INDEX run_verification_target_idx ON run_verification (target_id, restore_tested, finished_at);

-- A verification runner's output (local launcher), secrets masked before they are written.
CREATE TABLE run_verification_log (
    id              UUID                     NOT NULL PRIMARY KEY,
    verification_id UUID                     NOT NULL REFERENCES run_verification (id) ON DELETE CASCADE,
    line_no         INTEGER                  NOT NULL,
    logged_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    line            VARCHAR(4000)            NOT NULL
);
CREATE INDEX run_verification_log_idx ON run_verification_log (verification_id, line_no);
