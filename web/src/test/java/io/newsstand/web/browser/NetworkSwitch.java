package io.newsstand.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain TCP relay between the browser and the app that the test can cut: cut,
 * every open connection is closed and new ones are closed on arrival, so the
 * browser (and its service worker) meets a network error as on a device without
 * a connection, while the app keeps running for the other tests.
 */
final class NetworkSwitch implements AutoCloseable {

	private final ServerSocket server;

	private final int target;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean offline;

	private NetworkSwitch(ServerSocket server, int target) {
		this.server = server;
		this.target = target;
	}

	static NetworkSwitch to(int target) {
		try {
			NetworkSwitch relay = new NetworkSwitch(new ServerSocket(0), target);
			Thread.ofVirtual().name("network-switch").start(relay::accept);
			return relay;
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.server.getLocalPort();
	}

	void offline() {
		this.offline = true;
		this.open.forEach(NetworkSwitch::closeQuietly);
		this.open.clear();
	}

	void online() {
		this.offline = false;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.offline) {
					closeQuietly(client);
					continue;
				}
				Socket app = new Socket("127.0.0.1", this.target);
				this.open.add(client);
				this.open.add(app);
				pipe(client, app);
				pipe(app, client);
			} catch (IOException ex) {
				// The server socket closed, or one connection failed: the browser retries.
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		Thread.ofVirtual().start(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			} catch (IOException ex) {
				// One side closed: close both below.
			} finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		});
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		} catch (IOException ex) {
			// Already closed.
		}
	}

	@Override
	public void close() {
		offline();
		try {
			this.server.close();
		} catch (IOException ex) {
			// Already closed.
		}
	}

}
