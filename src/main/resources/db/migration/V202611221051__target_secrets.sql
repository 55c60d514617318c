-- Secrets the target module must read back, each sealed by the secrets module (AES-GCM under the
-- master key) with a context naming its tenant and purpose. Local mode: database URLs, the
-- encryption key, S3 credentials; Heroku mode: S3 credentials only (the rest are config vars).
CREATE TABLE target_secret (
    id         UUID                     NOT NULL PRIMARY KEY,
    tenant_id  UUID                     NOT NULL REFERENCES tenant (id),
    name       VARCHAR(100)             NOT NULL,
    sealed     VARCHAR(8000)            NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT target_secret_name_unique UNIQUE (tenant_id, name)
);
