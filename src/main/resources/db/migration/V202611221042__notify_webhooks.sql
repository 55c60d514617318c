-- One optional webhook per resource (io.strongroom.notify). The URL (Slack's are secrets) and the
-- signing secret are sealed with the master key (secrets.SecretBox); only the host is in the clear,
-- for the dashboard.
CREATE TABLE notify_webhook (
    tenant_id     UUID                     NOT NULL PRIMARY KEY REFERENCES tenant (id),
    url_sealed    VARCHAR(4096)            NOT NULL,
    secret_sealed VARCHAR(512)             NOT NULL,
    host          VARCHAR(255)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
