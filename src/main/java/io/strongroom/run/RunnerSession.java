package io.strongroom.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * The runner's side of a job, the same for a backup run and a verification: the one-time
 * ticket (only its SHA-256), where the runner runs, when it was launched, started and
 * last called, how far it got, and whether it was told to stop.
 * <p>
 * The owning entity keeps the state machine and checks its state before it calls in here;
 * these methods only record, and the questions ({@link #acceptsTicket},
 * {@link #isSilent}, ...) are asked by the owner only while its runner is launched.
 * Embedded, so its columns stay in the owner's table under their own names.
 */
@Embeddable
class RunnerSession {

	@Nullable private String ticketHash;

	@Nullable private Instant ticketExpiresAt;

	@Nullable private Instant deadlineAt;

	@Nullable private String launcher;

	@Nullable private String launcherRef;

	@Nullable private Instant launchedAt;

	@Nullable private Instant startedAt;

	@Nullable private Instant lastContactAt;

	@Nullable private String stage;

	@Column(nullable = false)
	private long bytesIn;

	@Column(nullable = false)
	private long bytesOut;

	@Nullable private Instant cancelRequestedAt;

	@Nullable private String cancelReason;

	/**
	 * A launch with a fresh ticket. What an earlier attempt left (a verification is
	 * launched again after its runner could not run) is forgotten, except the byte
	 * counts, which never go backwards.
	 */
	void launching(String ticketHash, Instant ticketExpiresAt, Instant deadline, String launcher, Instant at) {
		this.ticketHash = ticketHash;
		this.ticketExpiresAt = ticketExpiresAt;
		this.deadlineAt = deadline;
		this.launcher = launcher;
		this.launcherRef = null;
		this.launchedAt = at;
		this.startedAt = null;
		this.lastContactAt = at;
		this.stage = null;
		this.cancelRequestedAt = null;
		this.cancelReason = null;
	}

	/** Where the runner lives (process id, dyno id), so it can be stopped. */
	void launched(String launcherRef) {
		this.launcherRef = launcherRef;
	}

	/** The runner fetched its spec for the first time. */
	void started(Instant at) {
		this.startedAt = at;
		this.lastContactAt = at;
	}

	/** The runner called back; it is not silent. */
	void contact(Instant at) {
		this.lastContactAt = at;
	}

	void heartbeat(String stage, long bytesIn, long bytesOut, Instant at) {
		this.stage = stage;
		this.bytesIn = Math.max(this.bytesIn, bytesIn);
		this.bytesOut = Math.max(this.bytesOut, bytesOut);
		this.lastContactAt = at;
	}

	/** The runner's final counts replace what its heartbeats said. */
	void completed(long bytesIn, long bytesOut) {
		this.bytesIn = bytesIn;
		this.bytesOut = bytesOut;
		this.stage = null;
	}

	/**
	 * Records that the runner is to stop, answered at its next heartbeat.
	 * @return false when it was told already (the first reason stays)
	 */
	boolean cancelRequested(String reason, Instant at) {
		if (this.cancelRequestedAt != null) {
			return false;
		}
		this.cancelRequestedAt = at;
		this.cancelReason = reason;
		return true;
	}

	/** The job ended: no runner may act for it any more. */
	void spendTicket() {
		this.ticketHash = null;
	}

	/** The job waits for another launch, which draws a new ticket. */
	void withdrawTicket() {
		this.ticketHash = null;
		this.ticketExpiresAt = null;
	}

	/**
	 * Whether {@code presentedHash} (the SHA-256 of what a runner presented) is the
	 * unexpired ticket. Compared in constant time.
	 */
	boolean acceptsTicket(String presentedHash, Instant now) {
		if (this.ticketHash == null || this.ticketExpiresAt == null || !now.isBefore(this.ticketExpiresAt)) {
			return false;
		}
		return MessageDigest.isEqual(this.ticketHash.getBytes(StandardCharsets.US_ASCII),
				presentedHash.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * No call from the runner for longer than {@code timeout}, counted from the launch.
	 */
	boolean isSilent(Duration timeout, Instant now) {
		return this.lastContactAt != null && this.lastContactAt.plus(timeout).isBefore(now);
	}

	boolean isPastDeadline(Instant now) {
		return this.deadlineAt != null && this.deadlineAt.isBefore(now);
	}

	boolean isCancelOverdue(Duration grace, Instant now) {
		return this.cancelRequestedAt != null && this.cancelRequestedAt.plus(grace).isBefore(now);
	}

	/**
	 * The handle to stop the runner with, when {@code launcher} started it (a web process
	 * on another launcher cannot reach it).
	 */
	Optional<LaunchHandle> handle(RunLauncher launcher) {
		if (this.launcherRef == null || !launcher.name().equals(this.launcher)) {
			return Optional.empty();
		}
		return Optional.of(new LaunchHandle(launcher.name(), this.launcherRef));
	}

	/** The launcher that started the runner ({@code local}, {@code heroku}). */
	@Nullable String launcher() {
		return this.launcher;
	}

	@Nullable Instant launchedAt() {
		return this.launchedAt;
	}

	@Nullable Instant startedAt() {
		return this.startedAt;
	}

	@Nullable Instant lastContactAt() {
		return this.lastContactAt;
	}

	@Nullable String stage() {
		return this.stage;
	}

	long bytesIn() {
		return this.bytesIn;
	}

	long bytesOut() {
		return this.bytesOut;
	}

	@Nullable Instant cancelRequestedAt() {
		return this.cancelRequestedAt;
	}

	@Nullable String cancelReason() {
		return this.cancelReason;
	}

}
