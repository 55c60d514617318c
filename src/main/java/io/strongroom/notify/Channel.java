package io.strongroom.notify;

/** Where a delivery goes. */
public enum Channel {

	/** A mail to one address. */
	EMAIL,
	/** The resource's webhook (recipient {@code webhook}: the URL may be secret). */
	WEBHOOK,
	/** A line in the app's Heroku log (recipient {@code log}). */
	LOG

}
