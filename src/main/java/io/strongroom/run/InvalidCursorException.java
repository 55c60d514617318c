package io.strongroom.run;

/** A list cursor this API did not give out. */
public class InvalidCursorException extends IllegalArgumentException {

	public InvalidCursorException(String message) {
		super(message);
	}

}
