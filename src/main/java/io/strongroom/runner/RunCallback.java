package io.strongroom.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The runner's side of the callback API ({@code docs/runner-spec.md}), the same for a
 * backup run ({@code …/runner/v1/runs/<id>}) and a verification
 * ({@code …/runner/v1/verifications/<id>}): fetch the spec, send heartbeats (which may
 * answer "cancel"), report the result or the failure. Every call carries the one-time
 * ticket from {@code STRONGROOM_RUN_TICKET} as a bearer token; the ticket never appears
 * in a URL, an argument list or a message.
 */
final class RunCallback {

	static final String TICKET_ENV = "STRONGROOM_RUN_TICKET";

	private static final int ATTEMPTS = 4;

	private final URI run;

	private final Secret ticket;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final Console console;

	RunCallback(URI run, Secret ticket, Console console) {
		this.run = run;
		this.ticket = ticket;
		this.console = console;
	}

	static RunCallback of(String url, Console console, Failures failures) throws RunnerFailure {
		URI run;
		try {
			run = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
		}
		catch (IllegalArgumentException ex) {
			throw new RunnerFailure(FailureKind.USAGE,
					"--run needs the run's or verification's URL, not '" + url + "'");
		}
		if (!("https".equals(run.getScheme()) || "http".equals(run.getScheme())) || run.getHost() == null
				|| run.getUserInfo() != null || run.getQuery() != null) {
			throw new RunnerFailure(FailureKind.USAGE,
					"--run needs an http(s) URL like https://strongroom.example.com/runner/v1/runs/<id> (or "
							+ ".../runner/v1/verifications/<id>), without credentials or query");
		}
		String ticket = console.requireEnv(TICKET_ENV, "the one-time ticket");
		failures.secret(ticket);
		return new RunCallback(run, new Secret(ticket), console);
	}

	/** Fetches the spec (the first fetch moves the run or verification to RUNNING). */
	String spec() throws RunnerFailure {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(endpoint("spec")).GET().header("Accept", "application/json"), ATTEMPTS);
		if (response.statusCode() != 200) {
			throw refused("fetch the spec", response);
		}
		return response.body();
	}

	/**
	 * Tells the web service the run is alive.
	 * @return whether it asked the runner to stop
	 */
	boolean heartbeat(String stage, long bytesIn, long bytesOut) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("stage", stage);
		body.put("bytesIn", bytesIn);
		body.put("bytesOut", bytesOut);
		try {
			HttpResponse<String> response = send(post(endpoint("heartbeat"), body), 1);
			if (response.statusCode() != 200) {
				this.console.warn("the web service answered the heartbeat with HTTP " + response.statusCode());
				return false;
			}
			JsonNode answer = Json.COMPACT.readTree(response.body());
			return answer != null && answer.path("cancel").asBoolean(false);
		}
		catch (RunnerFailure | JacksonException ex) {
			this.console.warn("heartbeat failed: " + ex.getMessage());
			return false;
		}
	}

	void result(Map<String, Object> result) throws RunnerFailure {
		HttpResponse<String> response = send(post(endpoint("result"), result), ATTEMPTS);
		if (response.statusCode() / 100 != 2) {
			throw refused("report the result", response);
		}
	}

	void failure(RunnerFailure failure) throws RunnerFailure {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", failure.kind().name());
		body.put("message", failure.getMessage());
		HttpResponse<String> response = send(post(endpoint("failure"), body), ATTEMPTS);
		if (response.statusCode() / 100 != 2) {
			throw refused("report the failure", response);
		}
	}

	/** {@code run} or {@code verification}, for messages. */
	String what() {
		return this.run.getPath().contains("/verifications/") ? "verification" : "run";
	}

	private URI endpoint(String path) {
		return URI.create(this.run + "/" + path);
	}

	private HttpRequest.Builder post(URI uri, Map<String, Object> body) {
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Json.COMPACT.writeValueAsString(body)));
	}

	/** Sends with the ticket, retrying network errors and 5xx answers with back-off. */
	private HttpResponse<String> send(HttpRequest.Builder request, int attempts) throws RunnerFailure {
		request.header("Authorization", "Bearer " + this.ticket.value()).timeout(Duration.ofSeconds(30));
		HttpRequest built = request.build();
		IOException last = null;
		for (int attempt = 1; attempt <= attempts; attempt++) {
			try {
				HttpResponse<String> response = this.http.send(built, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() < 500 || attempt == attempts) {
					return response;
				}
			}
			catch (IOException ex) {
				last = ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new RunnerFailure(FailureKind.CANCELLED, "Interrupted while calling the web service");
			}
			sleep(Duration.ofMillis(500L << attempt));
		}
		throw new RunnerFailure(FailureKind.INTERNAL, "Cannot reach the Strongroom web service at "
				+ this.run.getScheme() + "://" + this.run.getAuthority() + ": " + last);
	}

	private RunnerFailure refused(String action, HttpResponse<String> response) {
		if (response.statusCode() == 401) {
			return new RunnerFailure(FailureKind.USAGE, "The web service refused the run ticket when asked to " + action
					+ " (it is wrong, expired or already used). Start it again from Strongroom.");
		}
		String body = response.body();
		return new RunnerFailure(FailureKind.INTERNAL, "The web service answered HTTP " + response.statusCode()
				+ " when asked to " + action
				+ ((body != null && !body.isBlank()) ? ": " + body.substring(0, Math.min(500, body.length())) : ""));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Sends heartbeats until closed; a "cancel" answer cancels the run. */
	AutoCloseable heartbeats(Progress progress, Cancellation cancellation, Duration interval) {
		Thread thread = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				// a backup's stages are dump, upload and manifest (connecting is part of
				// the
				// dump); a verification's are download, integrity, restore, compare and
				// cleanup
				String stage = "connect".equals(progress.stage()) ? "dump" : progress.stage();
				if (heartbeat(stage, progress.bytesIn(), progress.bytesOut())) {
					cancellation.cancel("the " + what() + " was cancelled in Strongroom");
				}
				try {
					Thread.sleep(interval.toMillis());
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "strongroom-heartbeat");
		thread.setDaemon(true);
		thread.start();
		return thread::interrupt;
	}

}
