-- The target module: what each tenant backs up and where. No secret is stored here in clear:
-- URLs, keys and S3 credentials live in config vars (Heroku mode) or encrypted in target_secret.
CREATE TABLE target_database (
    id                      UUID                     NOT NULL PRIMARY KEY,
    tenant_id               UUID                     NOT NULL REFERENCES tenant (id),
    label                   VARCHAR(40)              NOT NULL,
    engine                  VARCHAR(16)              NOT NULL,
    url_masked              VARCHAR(2048)            NOT NULL,
    verification_url_masked VARCHAR(2048),
    exclude_tables          VARCHAR(200000)          NOT NULL,
    dump_options            VARCHAR(20000)           NOT NULL,
    retention               VARCHAR(8000),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT target_database_label_unique UNIQUE (tenant_id, label)
);

CREATE TABLE target_destination (
    tenant_id            UUID                     NOT NULL PRIMARY KEY REFERENCES tenant (id),
    type                 VARCHAR(16)              NOT NULL,
    bucket               VARCHAR(63),
    region               VARCHAR(32),
    endpoint             VARCHAR(2048),
    path_style           BOOLEAN                  NOT NULL DEFAULT FALSE,
    prefix               VARCHAR(200)             NOT NULL,
    path                 VARCHAR(2048),
    access_key_id_masked VARCHAR(128),
    secret_fingerprint   VARCHAR(64),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT                   NOT NULL DEFAULT 0
);

CREATE TABLE target_encryption_key (
    tenant_id   UUID                     NOT NULL PRIMARY KEY REFERENCES tenant (id),
    fingerprint VARCHAR(64)              NOT NULL,
    origin      VARCHAR(16)              NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL DEFAULT 0
);

CREATE TABLE target_notification (
    tenant_id  UUID                     NOT NULL PRIMARY KEY REFERENCES tenant (id),
    recipients VARCHAR(8000)            NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL DEFAULT 0
);
