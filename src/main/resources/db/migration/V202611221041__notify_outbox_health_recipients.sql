-- The notification outbox (io.strongroom.notify): one row per delivery of one event to one recipient
-- on one channel, written in the transaction that decided it, so nothing is lost; the idempotency key
-- (SHA-256 of event, channel and recipient) makes a redelivered event a no-op, so nothing is doubled.
CREATE TABLE notify_delivery (
    id              UUID                     NOT NULL PRIMARY KEY,
    -- the order deliveries were recorded in (created_at can tie), so log lines keep their order
    seq             BIGINT GENERATED ALWAYS AS IDENTITY,
    idempotency_key VARCHAR(64)              NOT NULL,
    tenant_id       UUID                     NOT NULL REFERENCES tenant (id),
    database_label  VARCHAR(128)             NOT NULL,
    event_key       VARCHAR(300)             NOT NULL,
    kind            VARCHAR(32)              NOT NULL,
    channel         VARCHAR(16)              NOT NULL,
    recipient       VARCHAR(320)             NOT NULL,
    subject         VARCHAR(500),
    body_text       VARCHAR(100000)          NOT NULL,
    body_html       VARCHAR(200000),
    payload         VARCHAR(100000),
    status          VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notify_delivery_idempotency_unique UNIQUE (idempotency_key)
);
CREATE INDEX notify_delivery_due_idx ON notify_delivery (status, next_attempt_at);
CREATE INDEX notify_delivery_tenant_idx ON notify_delivery (tenant_id, created_at);

-- What notifications remember per database between outcomes, so an outcome can be told apart as a
-- transition (first failure, recovered) or a repeat (reminder at most once per remind-every).
CREATE TABLE notify_health (
    tenant_id              UUID                     NOT NULL REFERENCES tenant (id),
    database_label         VARCHAR(128)             NOT NULL,
    status                 VARCHAR(16)              NOT NULL,
    failing_since          TIMESTAMP WITH TIME ZONE,
    failures               INTEGER                  NOT NULL DEFAULT 0,
    last_notice_at         TIMESTAMP WITH TIME ZONE,
    failure_kind           VARCHAR(64),
    failure_message        VARCHAR(2000),
    last_run_id            UUID,
    last_outcome_at        TIMESTAMP WITH TIME ZONE,
    verification           VARCHAR(16)              NOT NULL,
    verification_notice_at TIMESTAMP WITH TIME ZONE,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, database_label)
);
CREATE INDEX notify_health_failing_idx ON notify_health (status, last_notice_at);

-- Extra addresses a resource's users asked to be told at, besides the app owner.
CREATE TABLE notify_recipient (
    tenant_id  UUID                     NOT NULL REFERENCES tenant (id),
    email      VARCHAR(320)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, email)
);
