package io.strongroom.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * The web side of the runner callback API over real HTTP (the JDK's server): serves one
 * spec to the right ticket, records heartbeats, results and failures, and can answer a
 * heartbeat with "cancel".
 */
final class FakeWebService implements AutoCloseable {

	record Call(String method, String path, String authorization, String body) {

		JsonNode json() {
			return Json.COMPACT.readTree(this.body);
		}

	}

	static final String RUN_PATH = "/runner/v1/runs/run-1";

	static final String VERIFICATION_PATH = "/runner/v1/verifications/verification-1";

	private final HttpServer server;

	private final String path;

	private final String ticket;

	private final String spec;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private volatile Predicate<JsonNode> cancelWhen = (heartbeat) -> false;

	FakeWebService(String ticket, String spec) throws IOException {
		this(ticket, spec, RUN_PATH);
	}

	/** Serves the run or verification at {@code path}. */
	FakeWebService(String ticket, String spec, String path) throws IOException {
		this.path = path;
		this.ticket = ticket;
		this.spec = spec;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext(path, this::handle);
		this.server.start();
	}

	String runUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + this.path;
	}

	void cancelWhen(Predicate<JsonNode> condition) {
		this.cancelWhen = condition;
	}

	List<Call> calls() {
		return List.copyOf(this.calls);
	}

	List<Call> calls(String suffix) {
		return this.calls.stream().filter((call) -> call.path().endsWith(suffix)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String path = exchange.getRequestURI().toString();
		this.calls.add(new Call(exchange.getRequestMethod(), path, authorization, body));
		if (!("Bearer " + this.ticket).equals(authorization)) {
			respond(exchange, 401, "{\"message\":\"bad ticket\"}");
			return;
		}
		switch (exchange.getRequestMethod() + " " + path.substring(this.path.length())) {
			case "GET /spec" -> respond(exchange, 200, this.spec);
			case "POST /heartbeat" ->
				respond(exchange, 200, "{\"cancel\":" + this.cancelWhen.test(Json.COMPACT.readTree(body)) + "}");
			case "POST /result", "POST /failure" -> respond(exchange, 204, null);
			default -> respond(exchange, 404, "{}");
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
			return;
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
