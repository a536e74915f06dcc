package io.newsstand.web.images;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real local HTTP server playing a publisher's image host. */
final class ImageServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	ImageServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	void on(String path, HttpHandler handler) {
		this.server.createContext(path, exchange -> {
			this.hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
			try (exchange) {
				handler.handle(exchange);
			}
		});
	}

	void serve(String path, String contentType, byte[] body) {
		on(path, exchange -> send(exchange, 200, contentType, body));
	}

	int hits(String path) {
		AtomicInteger count = this.hits.get(path);
		return count == null ? 0 : count.get();
	}

	static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		exchange.getResponseBody().write(body);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
