package io.strongroom.run;

/**
 * No such verification of the backup for this tenant (another tenant's verifications are
 * never found either).
 */
public class VerificationNotFoundException extends RuntimeException {

	public VerificationNotFoundException(String message) {
		super(message);
	}

}
