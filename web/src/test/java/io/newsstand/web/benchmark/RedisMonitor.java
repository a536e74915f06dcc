package io.newsstand.web.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Redis's MONITOR on a socket of its own: every command the app sends, so a
 * benchmark can count the round trips one request costs.
 */
public final class RedisMonitor implements AutoCloseable {

	private static final String MARKER = "redis-monitor-marker-";

	private final Socket socket;

	private final List<String> lines = new ArrayList<>();

	private final Thread reader;

	public RedisMonitor(String host, int port) throws IOException {
		this.socket = new Socket(host, port);
		OutputStream out = this.socket.getOutputStream();
		out.write("*1\r\n$7\r\nMONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		BufferedReader in = new BufferedReader(
				new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8));
		this.reader = Thread.ofVirtual().start(() -> {
			try {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					synchronized (this.lines) {
						this.lines.add(line);
					}
				}
			} catch (IOException closed) {
				// The benchmark closed the socket.
			}
		});
		// Redis answers +OK once this connection is a monitor: from then on it sees
		// every command.
		await("MONITOR to start").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(5)).until(() -> {
					synchronized (this.lines) {
						return this.lines.contains("+OK");
					}
				});
	}

	public void clear() {
		synchronized (this.lines) {
			this.lines.clear();
		}
	}

	/**
	 * Commands seen since {@link #clear()}, without MONITOR's own "+OK". MONITOR
	 * reports in order but after the fact, so this sends a marker ({@code ECHO}) on
	 * a connection of its own and returns what came before it once it is seen: all
	 * commands sent before the call, however slow the machine.
	 */
	public List<String> commands() throws InterruptedException {
		String marker = MARKER + UUID.randomUUID();
		try (Socket echo = new Socket(this.socket.getInetAddress(), this.socket.getPort())) {
			echo.getOutputStream().write(("*2\r\n$4\r\nECHO\r\n$" + marker.length() + "\r\n" + marker + "\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			echo.getOutputStream().flush();
			echo.getInputStream().read();
		} catch (IOException ex) {
			throw new IllegalStateException("Cannot send the MONITOR marker", ex);
		}
		await("MONITOR to report its marker").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(10)).until(() -> {
					synchronized (this.lines) {
						return indexOf(marker) >= 0;
					}
				});
		synchronized (this.lines) {
			return this.lines.subList(0, indexOf(marker)).stream()
					.filter(line -> line.startsWith("+") && !line.equals("+OK") && !line.contains(MARKER)).toList();
		}
	}

	private int indexOf(String marker) {
		for (int i = 0; i < this.lines.size(); i++) {
			if (this.lines.get(i).contains(marker)) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
