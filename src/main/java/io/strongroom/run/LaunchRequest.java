package io.strongroom.run;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.strongroom.runner.Secret;
import io.strongroom.tenant.TenantId;

/**
 * What a launcher needs to start one runner.
 *
 * @param job the backup run or verification the runner serves; its kind is the runner's
 * command ({@code backup} or {@code verify})
 * @param callbackUrl {@code <base>/runner/v1/runs/<id>} or
 * {@code <base>/runner/v1/verifications/<id>}, the runner's only argument
 * @param ticket the job's one-time ticket, for {@code STRONGROOM_RUN_TICKET}
 * @param environment secrets by environment variable name (empty in Heroku mode: the dyno
 * inherits the customer's config vars)
 * @param herokuAppId the customer's app, for launchers that start dynos
 */
record LaunchRequest(RunnerJob job, TenantId tenant, URI callbackUrl, Secret ticket, Map<String, Secret> environment,
		@Nullable String herokuAppId) {

	static final String TICKET_ENV = "STRONGROOM_RUN_TICKET";

	/** A backup run's request. */
	LaunchRequest(BackupRunId run, TenantId tenant, URI callbackUrl, Secret ticket, Map<String, Secret> environment,
			@Nullable String herokuAppId) {
		this(RunnerJob.backup(run), tenant, callbackUrl, ticket, environment, herokuAppId);
	}

	@Override
	public String toString() {
		return "LaunchRequest[job=" + this.job + ", callbackUrl=" + this.callbackUrl + "]";
	}

}
