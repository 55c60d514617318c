-- heroku: each add-on's Platform API tokens, sealed with the master key (secrets.SecretBox).
CREATE TABLE heroku_oauth_token (
    tenant_id            UUID                     NOT NULL PRIMARY KEY REFERENCES tenant (id),
    access_token_sealed  VARCHAR(2048)            NOT NULL,
    refresh_token_sealed VARCHAR(2048)            NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT                   NOT NULL DEFAULT 0
);

-- heroku: the durable provisioning job, one per add-on, polled by every web process and claimed
-- with a lease (locked_by/locked_until), so it survives restarts and never runs twice at once.
-- grant_code_sealed is erased once exchanged; api_token_sealed (the provision answer's token, kept to
-- answer a replayed POST identically) is erased after api_token_erase_after or at deprovision.
CREATE TABLE heroku_provisioning (
    tenant_id             UUID                     NOT NULL PRIMARY KEY REFERENCES tenant (id),
    async_provisioning    BOOLEAN                  NOT NULL,
    step                  VARCHAR(32)              NOT NULL,
    state                 VARCHAR(16)              NOT NULL,
    grant_code_sealed     VARCHAR(1024),
    grant_expires_at      TIMESTAMP WITH TIME ZONE,
    api_token_sealed      VARCHAR(512),
    api_token_erase_after TIMESTAMP WITH TIME ZONE,
    attempts              INTEGER                  NOT NULL DEFAULT 0,
    next_attempt_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline              TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by             VARCHAR(64),
    locked_until          TIMESTAMP WITH TIME ZONE,
    last_error            VARCHAR(512),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT                   NOT NULL DEFAULT 0
);
CREATE INDEX heroku_provisioning_due_idx ON heroku_provisioning (state, next_attempt_at);
CREATE INDEX heroku_provisioning_erase_idx ON heroku_provisioning (api_token_erase_after);
