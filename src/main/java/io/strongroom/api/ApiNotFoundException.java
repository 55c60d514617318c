package io.strongroom.api;

/** A path or id the API does not know; {@code code} says what was not found. */
class ApiNotFoundException extends RuntimeException {

	private final String code;

	ApiNotFoundException(String code, String message) {
		super(message);
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
