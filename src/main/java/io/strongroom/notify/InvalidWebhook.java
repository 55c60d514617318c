package io.strongroom.notify;

/** A webhook URL a person gave cannot be used; the message says why. */
public class InvalidWebhook extends IllegalArgumentException {

	InvalidWebhook(String message) {
		super(message);
	}

}
