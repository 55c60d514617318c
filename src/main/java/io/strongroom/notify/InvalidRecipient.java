package io.strongroom.notify;

/** A recipient address a person gave is not a mailbox; the message says which and why. */
public class InvalidRecipient extends IllegalArgumentException {

	InvalidRecipient(String message) {
		super(message);
	}

}
