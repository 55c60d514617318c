-- Backup runs (docs/runs.md). Two constraints keep runs from doubling, on PostgreSQL and H2 alike:
-- (target_id, slot) is unique (manual runs have no slot; NULLs never collide), and
-- active_target_id, which holds target_id only while the run is QUEUED, LAUNCHING or RUNNING,
-- is unique: one active run per database, without a partial index.
CREATE TABLE run_backup (
    id                  UUID                     NOT NULL PRIMARY KEY,
    tenant_id           UUID                     NOT NULL REFERENCES tenant (id),
    target_id           UUID                     NOT NULL,
    database_label      VARCHAR(40)              NOT NULL,
    origin              VARCHAR(16)              NOT NULL,
    slot                TIMESTAMP WITH TIME ZONE,
    active_target_id    UUID,
    state               VARCHAR(16)              NOT NULL,
    verification        VARCHAR(16)              NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    launched_at         TIMESTAMP WITH TIME ZONE,
    started_at          TIMESTAMP WITH TIME ZONE,
    finished_at         TIMESTAMP WITH TIME ZONE,
    last_contact_at     TIMESTAMP WITH TIME ZONE,
    deadline_at         TIMESTAMP WITH TIME ZONE,
    stage               VARCHAR(32),
    bytes_in            BIGINT                   NOT NULL DEFAULT 0,
    bytes_out           BIGINT                   NOT NULL DEFAULT 0,
    cancel_requested_at TIMESTAMP WITH TIME ZONE,
    cancel_reason       VARCHAR(500),
    ticket_hash         VARCHAR(64),
    ticket_expires_at   TIMESTAMP WITH TIME ZONE,
    launcher            VARCHAR(16),
    launcher_ref        VARCHAR(200),
    engine              VARCHAR(16),
    compression         VARCHAR(16),
    object_key          VARCHAR(1024),
    manifest_key        VARCHAR(1100),
    sha256              VARCHAR(64),
    hmac_sha256         VARCHAR(64),
    server_version      VARCHAR(200),
    client_version      VARCHAR(200),
    durations           VARCHAR(2000),
    statistics          VARCHAR(1000000),
    failure_kind        VARCHAR(32),
    failure_message     VARCHAR(4000),
    version             BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT run_backup_slot_unique UNIQUE (target_id, slot),
    CONSTRAINT run_backup_active_unique UNIQUE (active_target_id)
);
CREATE INDEX run_backup_tenant_created_idx ON run_backup (tenant_id, created_at, id);
CREATE INDEX run_backup_state_idx ON run_backup (state);

-- The runner's output (local launcher), secrets masked before they are written.
CREATE TABLE run_log (
    id        UUID                     NOT NULL PRIMARY KEY,
    run_id    UUID                     NOT NULL REFERENCES run_backup (id) ON DELETE CASCADE,
    line_no   INTEGER                  NOT NULL,
    logged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    line      VARCHAR(4000)            NOT NULL
);
CREATE INDEX run_log_run_idx ON run_log (run_id, line_no);
