package io.newsstand.web.passkey;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One of a reader's passkeys, as the account page and the API show it.
 *
 * @param id
 *            the credential id (base64url), used to remove it
 * @param label
 *            the name the reader gave it
 * @param created
 *            when it was registered
 * @param lastUsed
 *            when it last signed in, or null if it never did
 */
public record Passkey(String id, String label, Instant created, @Nullable Instant lastUsed) {
}
