package io.strongroom.api;

/** A notification setting cannot be used: 400 naming the field. */
class InvalidNotificationSettings extends RuntimeException {

	private final String field;

	InvalidNotificationSettings(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
