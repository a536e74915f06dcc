package io.newsstand.web.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code redis.pid} in the data directory: the process id and port of the
 * embedded redis-server writing there, so that the next start finds a server an
 * earlier, killed app left behind (the data directory lock dies with the JVM,
 * the server does not necessarily).
 *
 * @param pid
 *            the redis-server process
 * @param port
 *            its port on 127.0.0.1
 */
record EmbeddedRedisPidFile(long pid, int port) {

	static final String NAME = "redis.pid";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisPidFile.class);

	static Optional<EmbeddedRedisPidFile> read(Path dataDir) {
		Path file = dataDir.resolve(NAME);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			String[] fields = Files.readString(file, StandardCharsets.US_ASCII).strip().split("\\s+");
			return Optional.of(new EmbeddedRedisPidFile(Long.parseLong(fields[0]), Integer.parseInt(fields[1])));
		} catch (IOException | RuntimeException ex) {
			log.warn("Ignoring unreadable {} ({})", file, ex.toString());
			return Optional.empty();
		}
	}

	/** Written whole or not at all: a crash mid-write leaves the previous file. */
	void write(Path dataDir) throws IOException {
		Path temp = dataDir.resolve(NAME + ".tmp");
		Files.writeString(temp, this.pid + " " + this.port + "\n", StandardCharsets.US_ASCII);
		Files.move(temp, dataDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	static void delete(Path dataDir) {
		try {
			Files.deleteIfExists(dataDir.resolve(NAME));
		} catch (IOException ex) {
			log.warn("Could not delete {} ({})", dataDir.resolve(NAME), ex.toString());
		}
	}

}
