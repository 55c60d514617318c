package io.strongroom.tenant;

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

/**
 * One add-on resource: a customer's installation of Strongroom on one Heroku app. Its id
 * is Heroku's {@code uuid}, so every partner call is idempotent on it (STYLE.md C11).
 * State changes through named methods only.
 */
@Entity
@Table(name = "tenant")
public class Tenant {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String plan;

	@Column(nullable = false)
	private String region;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TenantState state;

	@Nullable private String appName;

	@Nullable private String herokuAppId;

	@Nullable private String callbackUrl;

	@Nullable private String logInputUrl;

	@Nullable private String attachmentName;

	@Nullable private String options;

	@Nullable private String apiTokenHash;

	@Column(nullable = false)
	private Instant createdAt;

	@Nullable private Instant deprovisionedAt;

	@Version
	private long version;

	protected Tenant() {
	}

	public static Tenant provisioning(TenantId id, String name, String plan, String region,
			@Nullable String callbackUrl, @Nullable String logInputUrl, @Nullable String options, Instant at) {
		Tenant tenant = new Tenant();
		tenant.id = id.value();
		tenant.name = name;
		tenant.plan = plan;
		tenant.region = region;
		tenant.callbackUrl = callbackUrl;
		tenant.logInputUrl = logInputUrl;
		tenant.options = options;
		tenant.state = TenantState.PROVISIONING;
		tenant.createdAt = at;
		return tenant;
	}

	public void provisioned() {
		requireLive();
		this.state = TenantState.PROVISIONED;
	}

	public void changePlan(String newPlan) {
		requireLive();
		this.plan = newPlan;
	}

	/**
	 * Heroku removed the add-on. Its credentials are erased: the API token hash and the
	 * log input URL (which embeds a logplex token).
	 */
	public void deprovision(Instant at) {
		this.state = TenantState.DEPROVISIONED;
		this.deprovisionedAt = at;
		this.apiTokenHash = null;
		this.logInputUrl = null;
	}

	public void issueApiToken(String tokenHash) {
		requireLive();
		this.apiTokenHash = tokenHash;
	}

	public void appKnown(String herokuAppId, @Nullable String appName) {
		this.herokuAppId = herokuAppId;
		if (appName != null) {
			this.appName = appName;
		}
	}

	public void appNamed(String appName) {
		this.appName = appName;
	}

	/**
	 * The add-on is attached to its app under this name, the prefix of its config vars
	 * there.
	 */
	public void attachedAs(String attachmentName) {
		this.attachmentName = attachmentName;
	}

	private void requireLive() {
		if (this.state == TenantState.DEPROVISIONED) {
			throw new IllegalStateException("Add-on " + this.id + " is deprovisioned");
		}
	}

	public TenantId id() {
		return new TenantId(this.id);
	}

	public String name() {
		return this.name;
	}

	public String plan() {
		return this.plan;
	}

	public String region() {
		return this.region;
	}

	public TenantState state() {
		return this.state;
	}

	public boolean isDeprovisioned() {
		return this.state == TenantState.DEPROVISIONED;
	}

	public @Nullable String appName() {
		return this.appName;
	}

	public @Nullable String herokuAppId() {
		return this.herokuAppId;
	}

	public @Nullable String callbackUrl() {
		return this.callbackUrl;
	}

	/**
	 * The name the add-on is attached under on its app, as Heroku last said; {@code null}
	 * until known (and always in local mode).
	 */
	public @Nullable String attachmentName() {
		return this.attachmentName;
	}

	public @Nullable String logInputUrl() {
		return this.logInputUrl;
	}

	public @Nullable String options() {
		return this.options;
	}

	public @Nullable String apiTokenHash() {
		return this.apiTokenHash;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public @Nullable Instant deprovisionedAt() {
		return this.deprovisionedAt;
	}

}
