package io.newsstand.web.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis's MONITOR on a socket of its own: every command the app sends, so a
 * benchmark can count the round trips one request costs.
 */
public final class RedisMonitor implements AutoCloseable {

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
	}

	public void clear() {
		synchronized (this.lines) {
			this.lines.clear();
		}
	}

	/** Commands seen since {@link #clear()}, without MONITOR's own "+OK". */
	public List<String> commands() throws InterruptedException {
		Thread.sleep(300);
		synchronized (this.lines) {
			return this.lines.stream().filter(line -> line.startsWith("+") && !line.equals("+OK")).toList();
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
