package io.newsstand.stripesandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;

/**
 * The one secret key the sandbox obeys, as Stripe obeys only its account's
 * keys: the app's own ({@code newsstand.billing.sandbox-secret-key}, or the one
 * generated under the data directory). Every other key, on the API and on the
 * controls, is Stripe's 401.
 */
final class SandboxKey {

	private final byte[] key;

	SandboxKey(String key) {
		this.key = key.getBytes(StandardCharsets.UTF_8);
	}

	void check(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
			throw new SandboxError(401, "invalid_request_error", "api_key_missing", null,
					"You did not provide an API key. You need to provide your API key in the Authorization header,"
							+ " using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
		}
		String given = authorization.substring(7).trim();
		// Constant time, so that the key cannot be found a byte at a time.
		if (!MessageDigest.isEqual(this.key, given.getBytes(StandardCharsets.UTF_8))) {
			throw new SandboxError(401, "invalid_request_error", "api_key_invalid", null,
					"Invalid API Key provided: " + masked(given));
		}
	}

	/** Stripe shows a rejected key with all but its last four characters hidden. */
	static String masked(@Nullable String key) {
		if (key == null || key.length() <= 12) {
			return "****";
		}
		int prefix = key.indexOf('_', key.indexOf('_') + 1) + 1;
		return key.substring(0, Math.min(prefix, 8)) + "*".repeat(Math.max(0, key.length() - 4 - Math.min(prefix, 8)))
				+ key.substring(key.length() - 4);
	}

}
