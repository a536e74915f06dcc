package io.newsstand.web.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One short RESP conversation with a Redis server that is not (or not yet, or
 * no longer) behind the app's connection factory: the embedded server while it
 * starts, a server left running by an earlier start, and the final
 * {@code SHUTDOWN}.
 */
final class RedisSocket implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private RedisSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new BufferedInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
	}

	static RedisSocket connect(String host, int port, Duration timeout) throws IOException {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
			socket.setSoTimeout((int) timeout.toMillis());
			return new RedisSocket(socket);
		} catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	/**
	 * Sends one command and reads its reply: a status or bulk string as text, an
	 * error as {@code -ERR ...}, null for a nil or a closed connection.
	 */
	@Nullable
	String command(String... args) throws IOException {
		StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
		for (String arg : args) {
			request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg)
					.append("\r\n");
		}
		this.out.write(request.toString().getBytes(StandardCharsets.UTF_8));
		this.out.flush();
		return reply();
	}

	private @Nullable String reply() throws IOException {
		int type = this.in.read();
		if (type == -1) {
			return null;
		}
		String line = line();
		return switch (type) {
			case '+', ':' -> line;
			case '-' -> "-" + line;
			case '$' -> bulk(Integer.parseInt(line));
			case '*' -> array(Integer.parseInt(line));
			default -> throw new IOException("Not a RESP reply: " + (char) type + line);
		};
	}

	private String array(int count) throws IOException {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(reply()).append('\n');
		}
		return text.toString();
	}

	private @Nullable String bulk(int length) throws IOException {
		if (length < 0) {
			return null;
		}
		byte[] bytes = this.in.readNBytes(length + 2);
		return new String(bytes, 0, length, StandardCharsets.UTF_8);
	}

	private String line() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int b = this.in.read(); b != '\r'; b = this.in.read()) {
			if (b == -1) {
				throw new IOException("Connection closed in the middle of a reply");
			}
			bytes.write(b);
		}
		this.in.read();
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/** Waits until the server closes the connection (as it does on exit). */
	void awaitClose() throws IOException {
		while (this.in.read() != -1) {
			// Only SHUTDOWN's failure would be answered; it is read and dropped.
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
