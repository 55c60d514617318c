CREATE TABLE tenant (
    id                UUID                     NOT NULL PRIMARY KEY,
    name              VARCHAR(255)             NOT NULL,
    plan              VARCHAR(64)              NOT NULL,
    region            VARCHAR(128)             NOT NULL,
    state             VARCHAR(16)              NOT NULL,
    app_name          VARCHAR(255),
    heroku_app_id     VARCHAR(64),
    callback_url      VARCHAR(2048),
    log_input_url     VARCHAR(2048),
    options           VARCHAR(8192),
    api_token_hash    VARCHAR(128),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deprovisioned_at  TIMESTAMP WITH TIME ZONE,
    version           BIGINT                   NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX tenant_api_token_hash_idx ON tenant (api_token_hash);

CREATE TABLE tenant_user (
    id              UUID                     NOT NULL PRIMARY KEY,
    tenant_id       UUID                     NOT NULL REFERENCES tenant (id),
    heroku_user_id  VARCHAR(64)              NOT NULL,
    email           VARCHAR(320)             NOT NULL,
    role            VARCHAR(16)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tenant_user_unique UNIQUE (tenant_id, heroku_user_id)
);
