package io.strongroom.target;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import io.strongroom.runner.Engine;
import io.strongroom.tenant.TenantId;

/**
 * One database of one tenant. Holds no secret: its URL lives in the secret store or in a
 * config var ({@link TargetSecrets}); only the masked form is kept here. Settings that
 * other modules interpret later (dump options, retention) are kept as JSON text.
 */
@Entity
@Table(name = "target_database")
class BackupDatabase {

	@Id
	private UUID id;

	@Column(nullable = false)
	private UUID tenantId;

	@Column(nullable = false)
	private String label;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Engine engine;

	@Column(nullable = false)
	private String urlMasked;

	@Nullable private String verificationUrlMasked;

	@Column(nullable = false)
	private String excludeTables;

	@Column(nullable = false)
	private String dumpOptions;

	@Nullable private String retention;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected BackupDatabase() {
	}

	static BackupDatabase added(TenantId tenant, DatabaseLabel label, Engine engine, String urlMasked, Instant at) {
		BackupDatabase database = new BackupDatabase();
		database.id = UUID.randomUUID();
		database.tenantId = tenant.value();
		database.label = label.value();
		database.engine = engine;
		database.urlMasked = urlMasked;
		database.excludeTables = "[]";
		database.dumpOptions = "{}";
		database.createdAt = at;
		database.updatedAt = at;
		return database;
	}

	void urlChanged(Engine engine, String urlMasked, Instant at) {
		this.engine = engine;
		this.urlMasked = urlMasked;
		this.updatedAt = at;
	}

	void verificationUrlChanged(@Nullable String masked, Instant at) {
		this.verificationUrlMasked = masked;
		this.updatedAt = at;
	}

	void settingsChanged(String excludeTablesJson, String dumpOptionsJson, @Nullable String retentionJson, Instant at) {
		this.excludeTables = excludeTablesJson;
		this.dumpOptions = dumpOptionsJson;
		this.retention = retentionJson;
		this.updatedAt = at;
	}

	TargetId id() {
		return new TargetId(this.id);
	}

	TenantId tenantId() {
		return new TenantId(this.tenantId);
	}

	DatabaseLabel label() {
		return new DatabaseLabel(this.label);
	}

	Engine engine() {
		return this.engine;
	}

	String urlMasked() {
		return this.urlMasked;
	}

	@Nullable String verificationUrlMasked() {
		return this.verificationUrlMasked;
	}

	String excludeTablesJson() {
		return this.excludeTables;
	}

	String dumpOptionsJson() {
		return this.dumpOptions;
	}

	@Nullable String retentionJson() {
		return this.retention;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
