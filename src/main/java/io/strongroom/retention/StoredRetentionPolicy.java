package io.strongroom.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;

/** One database's retention settings as stored. Changed only through {@link #change}. */
@Entity
@Table(name = "retention_policy")
class StoredRetentionPolicy {

	@Id
	private UUID id;

	@Column(nullable = false)
	private UUID tenantId;

	@Column(nullable = false)
	private String databaseLabel;

	@Nullable private Long keepWithinSeconds;

	private int keepLast;

	private int keepHourly;

	private int keepDaily;

	private int keepWeekly;

	private int keepMonthly;

	private int keepYearly;

	@Column(nullable = false)
	private String zone;

	@Column(nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected StoredRetentionPolicy() {
	}

	static StoredRetentionPolicy of(TenantId tenant, String databaseLabel, RetentionSettings settings, Instant at) {
		StoredRetentionPolicy stored = new StoredRetentionPolicy();
		stored.id = UUID.randomUUID();
		stored.tenantId = tenant.value();
		stored.databaseLabel = databaseLabel;
		stored.change(settings, at);
		return stored;
	}

	void change(RetentionSettings settings, Instant at) {
		RetentionPolicy policy = settings.policy();
		Duration within = policy.keepWithin();
		this.keepWithinSeconds = (within != null) ? within.toSeconds() : null;
		this.keepLast = policy.keepLast();
		this.keepHourly = policy.keepHourly();
		this.keepDaily = policy.keepDaily();
		this.keepWeekly = policy.keepWeekly();
		this.keepMonthly = policy.keepMonthly();
		this.keepYearly = policy.keepYearly();
		this.zone = settings.zone().getId();
		this.updatedAt = at;
	}

	RetentionSettings settings() {
		Duration within = (this.keepWithinSeconds != null) ? Duration.ofSeconds(this.keepWithinSeconds) : null;
		return new RetentionSettings(new RetentionPolicy(within, this.keepLast, this.keepHourly, this.keepDaily,
				this.keepWeekly, this.keepMonthly, this.keepYearly), ZoneId.of(this.zone));
	}

	String databaseLabel() {
		return this.databaseLabel;
	}

}
