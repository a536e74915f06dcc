package io.newsstand.billing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's one secret key: {@code newsstand.billing.sandbox-secret-key}
 * when set, else the one in {@code <sandbox data dir>/secret-key}, generated at
 * first start (readable by the app's user only), so that it survives restarts
 * and scripts can read it there.
 */
final class SandboxSecretKey {

	static final String FILE_NAME = "secret-key";

	private static final Logger log = LoggerFactory.getLogger(SandboxSecretKey.class);

	private SandboxSecretKey() {
	}

	static String resolve(BillingProperties properties) {
		String configured = properties.sandboxSecretKey();
		if (configured != null && !configured.isBlank()) {
			if (!configured.startsWith("sk_test_") || configured.length() < 24) {
				throw new IllegalStateException(
						"newsstand.billing.sandbox-secret-key (NEWSSTAND_BILLING_SANDBOXSECRETKEY)"
								+ " must be a test key: sk_test_ followed by at least 16 characters");
			}
			log.info("Stripe sandbox: accepts the key set in newsstand.billing.sandbox-secret-key");
			return configured;
		}
		Path file = properties.sandbox().dataDir().resolve(FILE_NAME).toAbsolutePath().normalize();
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			String key = Files.readString(file, StandardCharsets.UTF_8).trim();
			if (!key.startsWith("sk_test_") || key.length() < 24) {
				throw new IllegalStateException("The Stripe sandbox key file " + file
						+ " does not hold an sk_test_ key; delete it to have a new one generated, or set"
						+ " newsstand.billing.sandbox-secret-key (NEWSSTAND_BILLING_SANDBOXSECRETKEY)");
			}
			log.info("Stripe sandbox: accepts only the secret key in {}", file);
			return key;
		} catch (IOException ex) {
			throw new IllegalStateException("Cannot keep the Stripe sandbox key in " + file + " (" + ex
					+ "): set newsstand.billing.sandbox.data-dir (NEWSSTAND_BILLING_SANDBOX_DATADIR) to a writable"
					+ " directory or newsstand.billing.sandbox-secret-key (NEWSSTAND_BILLING_SANDBOXSECRETKEY)", ex);
		}
	}

	/**
	 * Writes the key whole to a file of its own, then links it in under the final
	 * name: the link fails if another start (a second node, a parallel test) got
	 * there first, and nobody ever reads a file that is still being written.
	 */
	private static void create(Path file) throws IOException {
		Path dir = Files.createDirectories(file.getParent());
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String key = "sk_test_sandbox_" + HexFormat.of().formatHex(random);
		Path written = Files.createTempFile(dir, "." + FILE_NAME, ".tmp");
		try {
			ownerOnly(written);
			Files.writeString(written, key + "\n", StandardCharsets.UTF_8);
			try {
				Files.createLink(file, written);
			} catch (FileAlreadyExistsException raced) {
				// Another start on the same directory wrote it first: use that one.
			} catch (UnsupportedOperationException noLinks) {
				Files.move(written, file);
			}
		} catch (FileAlreadyExistsException raced) {
			// The move lost the same race.
		} finally {
			Files.deleteIfExists(written);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		} catch (UnsupportedOperationException notPosix) {
			// The file system has no POSIX permissions (Windows): the directory's apply.
		}
	}

}
