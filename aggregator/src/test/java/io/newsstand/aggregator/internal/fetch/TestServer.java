package io.newsstand.aggregator.internal.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on loopback and a free port, one per test. */
public final class TestServer implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	public int requests() {
		return this.requests.get();
	}

	private final ExecutorService executor = Executors.newCachedThreadPool();

	public TestServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	public TestServer on(String path, HttpHandler handler) {
		this.server.createContext(path, exchange -> {
			this.requests.incrementAndGet();
			try (exchange) {
				handler.handle(exchange);
			} catch (IOException ex) {
				// The client went away (cap reached, timeout): nothing to answer.
			}
		});
		return this;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public String hostPort() {
		return "127.0.0.1:" + port();
	}

	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + port() + path);
	}

	public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		if (contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
