package io.strongroom.target;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.strongroom.tenant.TenantId;

/** Who is told when a tenant's backups break or recover. */
@Entity
@Table(name = "target_notification")
class NotificationSettings {

	@Id
	private UUID tenantId;

	/** Newline-separated addresses: an address never contains a newline. */
	@Column(nullable = false)
	private String recipients;

	@Column(nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected NotificationSettings() {
	}

	static NotificationSettings of(TenantId tenant) {
		NotificationSettings settings = new NotificationSettings();
		settings.tenantId = tenant.value();
		settings.recipients = "";
		return settings;
	}

	void recipientsChanged(List<String> recipients, Instant at) {
		this.recipients = String.join("\n", recipients);
		this.updatedAt = at;
	}

	List<String> recipients() {
		return this.recipients.isEmpty() ? List.of() : Arrays.asList(this.recipients.split("\n"));
	}

}
