package io.strongroom.target;

/**
 * Names of the environment variables a runner reads its secrets from. In Heroku mode they
 * are config vars on the customer's app (a one-off dyno inherits them); in local mode the
 * launcher sets them in the runner's environment.
 */
public final class RunnerEnvironment {

	public static final String ENCRYPTION_KEY = "STRONGROOM_ENCRYPTION_KEY";

	public static final String AWS_ACCESS_KEY_ID = "STRONGROOM_AWS_ACCESS_KEY_ID";

	public static final String AWS_SECRET_ACCESS_KEY = "STRONGROOM_AWS_SECRET_ACCESS_KEY";

	private RunnerEnvironment() {
	}

}
