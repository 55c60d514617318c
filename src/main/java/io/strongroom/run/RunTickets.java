package io.strongroom.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One-time tickets: 32 random bytes handed to exactly one runner through its environment.
 * Only their SHA-256 is stored (on the run they serve), so a leaked database dump cannot
 * act as a runner; a ticket is spent when its run finishes and expires after the run's
 * deadline.
 */
final class RunTickets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RunTickets() {
	}

	static String newTicket() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String ticket) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * A ticket drawn for one launch, with the job's deadline and the ticket's expiry.
	 *
	 * @param ticket what the runner gets, in its environment only
	 */
	record Issued(String ticket, Instant deadline, Instant expiresAt) {

		/** What is stored. */
		String hash() {
			return RunTickets.hash(this.ticket);
		}

		@Override
		public String toString() {
			return "Issued[deadline=" + this.deadline + ", expiresAt=" + this.expiresAt + "]";
		}

	}

}
