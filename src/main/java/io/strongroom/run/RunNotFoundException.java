package io.strongroom.run;

/** No such run for this tenant (another tenant's runs are never found either). */
public class RunNotFoundException extends RuntimeException {

	public RunNotFoundException(String message) {
		super(message);
	}

}
