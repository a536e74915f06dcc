package io.newsstand.web.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's resized images on disk, bounded in bytes: one file per (URL,
 * width), written whole then moved into place, so a reader never sees half a
 * file; when the directory outgrows its bound, the least recently used files go
 * until it is back under 90%. Each file starts with its content type and the
 * time it was made, which give the {@code ETag} and {@code Last-Modified}.
 */
final class ImageCache {

	private static final Logger log = LoggerFactory.getLogger(ImageCache.class);

	/** A hit touches its file at most this often (the LRU clock). */
	private static final Duration TOUCH = Duration.ofHours(1);

	/** One cached image. */
	record Entry(byte[] bytes, String contentType, Instant made, String etag) {
	}

	private final Path directory;

	private final long maxBytes;

	private final InstantSource clock;

	private final AtomicLong size = new AtomicLong();

	ImageCache(Path directory, long maxBytes, InstantSource clock) {
		this.directory = directory;
		this.maxBytes = maxBytes;
		this.clock = clock;
		try {
			Files.createDirectories(directory);
			try (Stream<Path> files = Files.list(directory)) {
				long total = 0;
				for (Path file : files.toList()) {
					if (file.getFileName().toString().endsWith(".tmp")) {
						Files.deleteIfExists(file); // left by a crash between write and move
					} else if (isEntry(file)) {
						total += sizeOf(file);
					}
				}
				this.size.set(total);
			}
		} catch (IOException ex) {
			throw new UncheckedIOException("Cannot use the image cache directory " + directory.toAbsolutePath()
					+ " (newsstand.web.images.cache-dir)", ex);
		}
	}

	Optional<Entry> get(String key) {
		Path file = this.directory.resolve(key + ".img");
		byte[] raw;
		try {
			raw = Files.readAllBytes(file);
			Instant now = this.clock.instant();
			if (Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(TOUCH))) {
				Files.setLastModifiedTime(file, FileTime.from(now));
			}
		} catch (NoSuchFileException ex) {
			return Optional.empty();
		} catch (IOException ex) {
			log.warn("Image cache: cannot read {}: {}", file, ex.toString());
			return Optional.empty();
		}
		ByteBuffer buffer = ByteBuffer.wrap(raw);
		if (raw.length < 10) {
			return Optional.empty();
		}
		String type = buffer.get() == 1 ? "image/png" : "image/jpeg";
		Instant made = Instant.ofEpochMilli(buffer.getLong());
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return Optional.of(new Entry(bytes, type, made, etag(key, made)));
	}

	Entry put(String key, byte[] bytes, String contentType) {
		// Second precision: Last-Modified and If-Modified-Since carry no more.
		Instant made = Instant.ofEpochSecond(this.clock.instant().getEpochSecond());
		ByteBuffer buffer = ByteBuffer.allocate(9 + bytes.length);
		buffer.put((byte) (contentType.equals("image/png") ? 1 : 0)).putLong(made.toEpochMilli()).put(bytes);
		Path file = this.directory.resolve(key + ".img");
		try {
			Path temporary = Files.createTempFile(this.directory, key, ".tmp");
			Files.write(temporary, buffer.array());
			long before = Files.exists(file) ? sizeOf(file) : 0;
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			if (this.size.addAndGet(buffer.capacity() - before) > this.maxBytes) {
				evict();
			}
		} catch (IOException ex) {
			// Serving the image matters more than keeping it: the next request resizes
			// again.
			log.warn("Image cache: cannot write {}: {}", file, ex.toString());
		}
		return new Entry(bytes, contentType, made, etag(key, made));
	}

	long size() {
		return this.size.get();
	}

	private synchronized void evict() throws IOException {
		if (this.size.get() <= this.maxBytes) {
			return;
		}
		record Aged(Path file, long modified, long bytes) {
		}
		List<Aged> files = new ArrayList<>();
		try (Stream<Path> listing = Files.list(this.directory)) {
			listing.filter(ImageCache::isEntry).forEach(file -> {
				try {
					files.add(new Aged(file, Files.getLastModifiedTime(file).toMillis(), Files.size(file)));
				} catch (IOException ex) {
					// gone meanwhile
				}
			});
		}
		long total = files.stream().mapToLong(Aged::bytes).sum();
		files.sort(Comparator.comparingLong(Aged::modified));
		long target = this.maxBytes * 9 / 10;
		for (Aged aged : files) {
			if (total <= target) {
				break;
			}
			if (Files.deleteIfExists(aged.file())) {
				total -= aged.bytes();
			}
		}
		this.size.set(total);
	}

	private static String etag(String key, Instant made) {
		return "\"" + key.substring(0, 20) + "-" + Long.toHexString(made.toEpochMilli()) + "\"";
	}

	/** The file name of a (URL, width): SHA-256, hex. */
	static String key(String url, int width) {
		try {
			return HexFormat.of().formatHex(
					MessageDigest.getInstance("SHA-256").digest((width + "\n" + url).getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private static boolean isEntry(Path file) {
		return file.getFileName().toString().endsWith(".img");
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		} catch (IOException ex) {
			return 0;
		}
	}

}
