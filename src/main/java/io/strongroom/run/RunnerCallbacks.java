package io.strongroom.run;

import java.util.Map;
import java.util.UUID;

/**
 * What a runner may do through the callback API for the job its ticket serves, the same
 * four calls for both kinds of job: fetch the spec (LAUNCHING → RUNNING), report
 * heartbeats (answered with whether to stop), and report the result or the failure
 * (either spends the ticket). Only the result's body differs between the kinds.
 *
 * @param <R> the result's body
 */
interface RunnerCallbacks<R> {

	Map<String, Object> spec(UUID id);

	RunnerReports.HeartbeatAnswer heartbeat(UUID id, RunnerReports.Heartbeat heartbeat);

	void result(UUID id, R result);

	void failure(UUID id, RunnerReports.Failure failure);

}
