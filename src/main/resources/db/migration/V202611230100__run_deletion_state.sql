-- Retention's deletion state of a backup (docs/retention.md): NONE while the backup is offered for
-- download and restore; DELETING from the moment retention decided to delete it (committed before
-- its object is touched, so a failed delete is retried); DELETED once the object and its manifest
-- are gone. deletion_at is when the state last changed. Same SQL on PostgreSQL and H2.
ALTER TABLE run_backup ADD COLUMN deletion VARCHAR(16) DEFAULT 'NONE' NOT NULL;
ALTER TABLE run_backup ADD COLUMN deletion_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX run_backup_database_idx ON run_backup (tenant_id, database_label);
CREATE INDEX run_backup_deletion_idx ON run_backup (state, deletion);
