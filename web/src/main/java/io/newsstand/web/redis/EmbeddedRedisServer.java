package io.newsstand.web.redis;

import io.newsstand.web.startup.InvalidSettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The redis-server binary shipped in the embedded-redis jar, bound to 127.0.0.1
 * on a free port and persisted with an append-only file under the data
 * directory, so a restart loses nothing.
 */
class EmbeddedRedisServer {

	static final String DATA_DIR_PROPERTY = "newsstand.redis.data-dir";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

	private static final String HOST = "127.0.0.1";

	private final Path dataDir;

	private final int port;

	private @Nullable RedisServer server;

	private @Nullable FileChannel lockChannel;

	EmbeddedRedisServer(Path dataDir) {
		this.dataDir = dataDir.toAbsolutePath().normalize();
		prepareDataDir();
		this.port = freePort();
	}

	String host() {
		return HOST;
	}

	int port() {
		return this.port;
	}

	Path dataDir() {
		return this.dataDir;
	}

	synchronized void start() {
		try {
			RedisServer redis = RedisServer.newRedisServer().bind(HOST).port(this.port)
					.setting("dir \"" + this.dataDir + "\"").setting("appendonly yes").setting("appendfsync everysec")
					.setting("save \"\"").setting("protected-mode yes").onShutdownForceStop(true).build();
			redis.start();
			this.server = redis;
		} catch (IOException | RuntimeException ex) {
			throw new InvalidSettingException(DATA_DIR_PROPERTY,
					"the embedded Redis did not start on " + HOST + ":" + this.port + " with data in " + this.dataDir
							+ " (" + ex.getMessage() + ")",
					"Check that the data directory holds a valid appendonly.aof, or point NEWSSTAND_REDIS_DATADIR "
							+ "at another directory.",
					ex);
		}
	}

	/**
	 * Stops the server and waits until it has gone, so its append-only file is
	 * complete before the data directory is released to the next start.
	 */
	synchronized void stop() {
		RedisServer redis = this.server;
		this.server = null;
		if (redis != null) {
			shutDownAndWait();
			try {
				redis.stop();
			} catch (IOException ex) {
				log.warn("Embedded Redis on port {} did not stop cleanly: {}", this.port, ex.getMessage());
			}
		}
		releaseLock();
	}

	/**
	 * SHUTDOWN makes Redis fsync the append-only file and exit; a signal alone
	 * races the next start.
	 */
	private void shutDownAndWait() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, this.port), 1000);
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write("*1\r\n$8\r\nSHUTDOWN\r\n".getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			// The server closes the connection as it exits (it answers only if SHUTDOWN
			// failed).
			socket.getInputStream().read();
		} catch (IOException ex) {
			log.debug("Embedded Redis on port {} was already gone or did not answer SHUTDOWN", this.port, ex);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (isReachable() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Whether the server answers on its port (the process may have died under us).
	 */
	boolean isReachable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, this.port), 500);
			return true;
		} catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Starts the server again on the same port and data if its process has gone.
	 */
	synchronized boolean restartIfDead() {
		if (this.server == null || isReachable()) {
			return false;
		}
		log.warn("Embedded Redis on {}:{} stopped answering; restarting it on the same data in {}", HOST, this.port,
				this.dataDir);
		try {
			this.server.stop();
		} catch (IOException ex) {
			log.debug("Cleaning up the dead Redis process failed", ex);
		}
		start();
		log.info("Embedded Redis is back on {}:{}", HOST, this.port);
		return true;
	}

	private void prepareDataDir() {
		String action = "Point NEWSSTAND_REDIS_DATADIR at a directory this user can write, or set NEWSSTAND_REDIS_URL "
				+ "to use an external Redis.";
		try {
			Files.createDirectories(this.dataDir);
		} catch (IOException | UncheckedIOException ex) {
			throw new InvalidSettingException(DATA_DIR_PROPERTY,
					"cannot create the data directory " + this.dataDir + " (" + ex + ")", action, ex);
		}
		if (!Files.isDirectory(this.dataDir) || !Files.isWritable(this.dataDir)) {
			throw new InvalidSettingException(DATA_DIR_PROPERTY,
					"the data directory " + this.dataDir + " is not a writable directory", action);
		}
		lockDataDir(action);
	}

	/** Two embedded servers writing one append-only file would corrupt it. */
	private void lockDataDir(String action) {
		Path lockFile = this.dataDir.resolve("newsstand.lock");
		try {
			FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			} catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw new InvalidSettingException(DATA_DIR_PROPERTY,
						"the data directory " + this.dataDir + " is in use by another running Newsstand",
						"Stop the other instance, or give this one its own NEWSSTAND_REDIS_DATADIR.");
			}
			this.lockChannel = channel;
		} catch (IOException ex) {
			throw new InvalidSettingException(DATA_DIR_PROPERTY,
					"cannot write " + lockFile + " (" + ex.getMessage() + ")", action, ex);
		}
	}

	private void releaseLock() {
		FileChannel channel = this.lockChannel;
		this.lockChannel = null;
		if (channel != null) {
			try {
				channel.close();
			} catch (IOException ex) {
				log.debug("Releasing the data directory lock failed", ex);
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		} catch (IOException ex) {
			throw new UncheckedIOException("No free port on " + HOST, ex);
		}
	}

}
