package io.strongroom.notify;

/** Where a delivery is in the outbox. */
public enum DeliveryStatus {

	/** Waiting for its (next) attempt. */
	PENDING,
	/** Claimed by a worker, being sent. */
	SENDING,
	/** Delivered. */
	SENT,
	/** No SMTP server is configured: written to the log and kept for the dashboard. */
	LOGGED,
	/**
	 * Failed for longer than the give-up period, or cannot succeed; kept with its error.
	 */
	GAVE_UP

}
