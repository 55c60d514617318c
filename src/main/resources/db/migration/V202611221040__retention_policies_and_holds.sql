-- Retention policy per database (io.strongroom.retention). A row exists once a policy was set or
-- first used, so a plan downgrade can clamp it and hold what the clamp would otherwise remove.
CREATE TABLE retention_policy (
    id                  UUID                     NOT NULL PRIMARY KEY,
    tenant_id           UUID                     NOT NULL REFERENCES tenant (id),
    database_label      VARCHAR(128)             NOT NULL,
    keep_within_seconds BIGINT,
    keep_last           INTEGER                  NOT NULL,
    keep_hourly         INTEGER                  NOT NULL,
    keep_daily          INTEGER                  NOT NULL,
    keep_weekly         INTEGER                  NOT NULL,
    keep_monthly        INTEGER                  NOT NULL,
    keep_yearly         INTEGER                  NOT NULL,
    zone                VARCHAR(64)              NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT retention_policy_database_unique UNIQUE (tenant_id, database_label)
);

-- Backups kept regardless of the policy until a person deletes them (a plan downgrade holds what
-- the clamped policy would remove). Keyed by run id; the run module owns the run itself.
CREATE TABLE retention_hold (
    run_id         UUID                     NOT NULL PRIMARY KEY,
    tenant_id      UUID                     NOT NULL REFERENCES tenant (id),
    database_label VARCHAR(128)             NOT NULL,
    reason         VARCHAR(500)             NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retention_hold_database_idx ON retention_hold (tenant_id, database_label);
