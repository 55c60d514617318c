package io.strongroom.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real local HTTP server that keeps every request's headers and exact body bytes and
 * answers with the next status from a script (the last one repeats).
 */
final class CapturingHttpServer implements AutoCloseable {

	record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> String.join(",", e.getValue()))
				.findFirst()
				.orElse(null);
		}

	}

	final List<Request> requests = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private final List<Integer> statuses;

	private final AtomicInteger next = new AtomicInteger();

	CapturingHttpServer(Integer... statuses) throws IOException {
		this.statuses = List.of(statuses);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					Map.copyOf(exchange.getRequestHeaders()), body));
			int index = Math.min(this.next.getAndIncrement(), this.statuses.size() - 1);
			exchange.sendResponseHeaders(this.statuses.get(index), -1);
			exchange.close();
		});
		this.server.start();
	}

	URI uri(String userInfo, String path) {
		String credentials = (userInfo != null) ? userInfo + "@" : "";
		return URI.create("http://" + credentials + "127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
