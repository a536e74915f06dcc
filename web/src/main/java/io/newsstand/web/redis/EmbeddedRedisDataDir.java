package io.newsstand.web.redis;

import io.newsstand.web.startup.InvalidSettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Redis's data directory: created if missing, checked writable,
 * and locked to one running app until {@link #release()}.
 */
final class EmbeddedRedisDataDir {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisDataDir.class);

	private final Path dataDir;

	private @Nullable FileChannel lockChannel;

	/** Prepares and locks the directory, or fails naming the setting. */
	EmbeddedRedisDataDir(Path dataDir) {
		this.dataDir = dataDir;
		prepareDataDir();
	}

	private void prepareDataDir() {
		String action = "Point NEWSSTAND_REDIS_DATADIR at a directory this user can write, or set NEWSSTAND_REDIS_URL "
				+ "to use an external Redis.";
		try {
			Files.createDirectories(this.dataDir);
		} catch (IOException | UncheckedIOException ex) {
			throw new InvalidSettingException(EmbeddedRedisServer.DATA_DIR_PROPERTY,
					"cannot create the data directory " + this.dataDir + " (" + ex + ")", action, ex);
		}
		if (!Files.isDirectory(this.dataDir) || !Files.isWritable(this.dataDir)) {
			throw new InvalidSettingException(EmbeddedRedisServer.DATA_DIR_PROPERTY,
					"the data directory " + this.dataDir + " is not a writable directory", action);
		}
		lockDataDir(action);
	}

	/**
	 * Two running apps on one data directory would start two servers on one
	 * append-only file. The lock dies with the JVM; a server that outlived its app
	 * is found through the pid file instead.
	 */
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
				throw new InvalidSettingException(EmbeddedRedisServer.DATA_DIR_PROPERTY,
						"the data directory " + this.dataDir + " is in use by another running Newsstand",
						"Stop the other instance, or give this one its own NEWSSTAND_REDIS_DATADIR.");
			}
			this.lockChannel = channel;
		} catch (IOException ex) {
			throw new InvalidSettingException(EmbeddedRedisServer.DATA_DIR_PROPERTY,
					"cannot write " + lockFile + " (" + ex.getMessage() + ")", action, ex);
		}
	}

	void release() {
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

}
