package io.newsstand.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

/**
 * The one Redis server of a test JVM: the server named by
 * {@code NEWSSTAND_TEST_REDIS_URL} when set, otherwise an embedded redis-server
 * started on a free loopback port at first use and stopped when the JVM exits.
 * Test classes and Spring contexts each lease their own logical database from
 * it, so they can run in parallel without seeing each other's keys.
 */
public final class RedisTestServer {

	/**
	 * Environment variable naming an external test Redis, e.g.
	 * {@code redis://127.0.0.1:6379}.
	 */
	public static final String URL_VARIABLE = "NEWSSTAND_TEST_REDIS_URL";

	/**
	 * Logical databases the embedded server offers; database 0 is left to ad-hoc
	 * use.
	 */
	static final int EMBEDDED_DATABASES = 128;

	private static @Nullable RedisTestServer instance;

	private final String host;

	private final int port;

	private final @Nullable String password;

	private final int databases;

	private final AtomicInteger nextDatabase = new AtomicInteger(1);

	private RedisTestServer(String host, int port, @Nullable String password, int databases) {
		this.host = host;
		this.port = port;
		this.password = password;
		this.databases = databases;
	}

	/** The server of this JVM, started on first call. */
	public static synchronized RedisTestServer get() {
		if (instance == null) {
			String url = System.getenv(URL_VARIABLE);
			instance = (url == null || url.isBlank()) ? startEmbedded() : external(url);
		}
		return instance;
	}

	/**
	 * A database no other lease in this JVM holds, emptied before it is handed out.
	 */
	public RedisTestDatabase leaseDatabase() {
		int index = 1 + Math.floorMod(this.nextDatabase.getAndIncrement() - 1, this.databases - 1);
		RedisTestDatabase database = new RedisTestDatabase(this.host, this.port, this.password, index);
		database.flush();
		return database;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	private static RedisTestServer external(String url) {
		URI uri = URI.create(url);
		String userInfo = uri.getUserInfo();
		String password = (userInfo == null) ? null : userInfo.substring(userInfo.indexOf(':') + 1);
		// A stock redis.conf offers 16 databases.
		return new RedisTestServer(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : 6379, password, 16);
	}

	private static RedisTestServer startEmbedded() {
		int port = freePort();
		try {
			RedisServer server = RedisServer.newRedisServer().executableProvider(RedisProcess::binary).bind("127.0.0.1")
					.port(port).setting("databases " + EMBEDDED_DATABASES).setting("save \"\"").setting("appendonly no")
					.onShutdownForceStop(true).build();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.stop();
				} catch (IOException ex) {
					// The JVM is exiting; the process is killed with it.
				}
			}, "embedded-redis-stop"));
		} catch (IOException ex) {
			throw new UncheckedIOException("Embedded test Redis did not start on port " + port, ex);
		}
		return new RedisTestServer("127.0.0.1", port, null, EMBEDDED_DATABASES);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
