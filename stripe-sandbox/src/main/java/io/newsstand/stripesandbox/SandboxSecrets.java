package io.newsstand.stripesandbox;

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
 * The sandbox's secrets, as Stripe's dashboard shows them: its one secret key
 * ({@code newsstand.billing.sandbox-secret-key} when set, else the one in
 * {@code <data dir>/secret-key}) and the secret webhooks are signed with
 * ({@code newsstand.billing.webhook-secret} when set, else the one in
 * {@code <data dir>/webhook-secret}). Each file is generated at first start
 * (readable by the app's user only), so that it survives restarts, and billing
 * and scripts read it there.
 */
final class SandboxSecrets {

	static final String KEY_FILE = "secret-key";

	static final String WEBHOOK_SECRET_FILE = "webhook-secret";

	private static final Logger log = LoggerFactory.getLogger(SandboxSecrets.class);

	private SandboxSecrets() {
	}

	static String secretKey(SandboxProperties properties) {
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
		Path file = file(properties, KEY_FILE);
		String key = readOrCreate(file, "sk_test_sandbox_",
				"newsstand.billing.sandbox-secret-key (NEWSSTAND_BILLING_SANDBOXSECRETKEY)");
		if (!key.startsWith("sk_test_") || key.length() < 24) {
			throw new IllegalStateException("The Stripe sandbox key file " + file
					+ " does not hold an sk_test_ key; delete it to have a new one generated, or set"
					+ " newsstand.billing.sandbox-secret-key (NEWSSTAND_BILLING_SANDBOXSECRETKEY)");
		}
		log.info("Stripe sandbox: accepts only the secret key in {}", file);
		return key;
	}

	static String webhookSecret(SandboxProperties properties) {
		String configured = properties.webhookSecret();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		Path file = file(properties, WEBHOOK_SECRET_FILE);
		String secret = readOrCreate(file, "whsec_",
				"newsstand.billing.webhook-secret (NEWSSTAND_BILLING_WEBHOOKSECRET)");
		if (!secret.startsWith("whsec_") || secret.length() < 24) {
			throw new IllegalStateException("The Stripe sandbox webhook secret file " + file
					+ " does not hold a whsec_ secret; delete it to have a new one generated, or set"
					+ " newsstand.billing.webhook-secret (NEWSSTAND_BILLING_WEBHOOKSECRET)");
		}
		return secret;
	}

	static Path file(SandboxProperties properties, String name) {
		return properties.sandbox().dataDir().resolve(name).toAbsolutePath().normalize();
	}

	private static String readOrCreate(Path file, String prefix, String property) {
		try {
			if (!Files.exists(file)) {
				create(file, prefix);
			}
			return Files.readString(file, StandardCharsets.UTF_8).trim();
		} catch (IOException ex) {
			throw new IllegalStateException("Cannot keep the Stripe sandbox's secrets in " + file + " (" + ex
					+ "): set newsstand.billing.sandbox.data-dir (NEWSSTAND_BILLING_SANDBOX_DATADIR) to a writable"
					+ " directory or " + property, ex);
		}
	}

	/**
	 * Writes the secret whole to a file of its own, then links it in under the
	 * final name: the link fails if another start (a second node, a parallel test)
	 * got there first, and nobody ever reads a file that is still being written.
	 */
	private static void create(Path file, String prefix) throws IOException {
		Path dir = Files.createDirectories(file.getParent());
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String key = prefix + HexFormat.of().formatHex(random);
		Path written = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
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
