package io.strongroom.target;

/**
 * No such database for this tenant (another tenant's databases are never found either).
 */
public class TargetNotFoundException extends RuntimeException {

	public TargetNotFoundException(String message) {
		super(message);
	}

}
