package io.strongroom.heroku.partner;

import java.time.Duration;
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
 * The work left after Heroku got its provisioning answer, one row per add-on, in the
 * order of {@link Step}. Each step is recorded as soon as it is done, so a restarted or
 * second process resumes where the first stopped and the single-use grant is never sent
 * twice once exchanged.
 */
@Entity
@Table(name = "heroku_provisioning")
class ProvisioningJob {

	enum Step {

		/** Trade the grant code for tokens (id.heroku.com). */
		EXCHANGE_GRANT,

		/** {@code GET /addons/{uuid}}: learn the app's id and name. */
		READ_ADDON,

		/** Async only: {@code PATCH /addons/{uuid}/config}. */
		SET_CONFIG,

		/** Async only: {@code POST /addons/{uuid}/actions/provision}. */
		MARK_PROVISIONED,

		/** Nothing left to do. */
		DONE

	}

	enum State {

		PENDING, DONE, FAILED, CANCELLED

	}

	@Id
	private UUID tenantId;

	@Column(name = "async_provisioning", nullable = false)
	private boolean async;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Step step;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private State state;

	private @Nullable String grantCodeSealed;

	private @Nullable Instant grantExpiresAt;

	private @Nullable String apiTokenSealed;

	private @Nullable Instant apiTokenEraseAfter;

	@Column(nullable = false)
	private int attempts;

	@Column(nullable = false)
	private Instant nextAttemptAt;

	@Column(nullable = false)
	private Instant deadline;

	private @Nullable String lockedBy;

	private @Nullable Instant lockedUntil;

	private @Nullable String lastError;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	protected ProvisioningJob() {
	}

	/**
	 * A new job. Without a grant to exchange there is nothing to do, and the row only
	 * keeps the answer's token for replays.
	 */
	static ProvisioningJob create(UUID tenantId, boolean async, @Nullable String grantCodeSealed,
			@Nullable Instant grantExpiresAt, String apiTokenSealed, Instant at, Duration replayWindow,
			Duration deadline) {
		ProvisioningJob job = new ProvisioningJob();
		job.tenantId = tenantId;
		job.async = async;
		job.grantCodeSealed = grantCodeSealed;
		job.grantExpiresAt = grantExpiresAt;
		job.apiTokenSealed = apiTokenSealed;
		job.deadline = at.plus(deadline);
		// async: the token must outlive every retry of PATCH config, up to the deadline
		job.apiTokenEraseAfter = async ? job.deadline : at.plus(replayWindow);
		job.step = (grantCodeSealed != null) ? Step.EXCHANGE_GRANT : Step.DONE;
		job.state = (grantCodeSealed != null) ? State.PENDING : State.DONE;
		job.nextAttemptAt = at;
		job.createdAt = at;
		job.updatedAt = at;
		return job;
	}

	void grantExchanged(Instant at, Duration lease) {
		this.grantCodeSealed = null;
		advance(Step.READ_ADDON, at, lease);
	}

	void addonRead(Instant at, Duration lease) {
		if (this.async) {
			advance(Step.SET_CONFIG, at, lease);
		}
		else {
			finish(at);
		}
	}

	void configSet(Instant at, Duration lease) {
		advance(Step.MARK_PROVISIONED, at, lease);
	}

	void markedProvisioned(Instant at) {
		finish(at);
	}

	/** A retryable failure: try again at {@code next}, released for any process. */
	void retryAt(Instant next, String error, Instant at) {
		this.attempts++;
		this.nextAttemptAt = next;
		this.lastError = truncate(error);
		release(at);
	}

	void failed(String error, Instant at) {
		this.attempts++;
		this.state = State.FAILED;
		this.lastError = truncate(error);
		this.grantCodeSealed = null;
		this.apiTokenSealed = null;
		release(at);
	}

	/** The add-on was deprovisioned: forget its secrets. */
	void cancel(Instant at) {
		if (this.state == State.PENDING) {
			this.state = State.CANCELLED;
		}
		this.grantCodeSealed = null;
		this.apiTokenSealed = null;
		release(at);
	}

	void resealed(@Nullable String grantCodeSealed, @Nullable String apiTokenSealed) {
		this.grantCodeSealed = grantCodeSealed;
		this.apiTokenSealed = apiTokenSealed;
	}

	boolean heldBy(String owner, Instant at) {
		return owner.equals(this.lockedBy) && this.lockedUntil != null && this.lockedUntil.isAfter(at);
	}

	private void advance(Step next, Instant at, Duration lease) {
		this.step = next;
		this.attempts = 0;
		this.lastError = null;
		this.updatedAt = at;
		this.lockedUntil = at.plus(lease);
	}

	private void finish(Instant at) {
		this.step = Step.DONE;
		this.state = State.DONE;
		this.grantCodeSealed = null;
		if (this.async) {
			// the config vars carry it now; nothing is left to replay
			this.apiTokenSealed = null;
		}
		release(at);
	}

	private void release(Instant at) {
		this.lockedBy = null;
		this.lockedUntil = null;
		this.updatedAt = at;
	}

	private static String truncate(String error) {
		return (error.length() > 500) ? error.substring(0, 500) : error;
	}

	UUID tenantId() {
		return this.tenantId;
	}

	boolean async() {
		return this.async;
	}

	Step step() {
		return this.step;
	}

	State state() {
		return this.state;
	}

	@Nullable String grantCodeSealed() {
		return this.grantCodeSealed;
	}

	@Nullable Instant grantExpiresAt() {
		return this.grantExpiresAt;
	}

	@Nullable String apiTokenSealed() {
		return this.apiTokenSealed;
	}

	int attempts() {
		return this.attempts;
	}

	Instant deadline() {
		return this.deadline;
	}

	@Nullable String lastError() {
		return this.lastError;
	}

	static String grantContext(UUID tenantId) {
		return "heroku.grant:" + tenantId;
	}

	static String apiTokenContext(UUID tenantId) {
		return "heroku.api-token:" + tenantId;
	}

}
