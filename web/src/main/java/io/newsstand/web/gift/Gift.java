package io.newsstand.web.gift;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One gift link as its giver sees it.
 *
 * @param id
 *            the link's public id: the first 32 hex digits of the SHA-256 of
 *            its token, so knowing it opens nothing
 * @param token
 *            the secret in the link (256 random bits)
 * @param articleId
 *            the one article it opens
 * @param giverAccountId
 *            the member who gave it
 * @param from
 *            the name the recipient sees (never an e-mail address)
 * @param createdAt
 *            when it was made
 * @param expiresAt
 *            when it stops opening the article
 * @param revokedAt
 *            when the giver revoked it, or null
 */
record Gift(String id, String token, String articleId, String giverAccountId, String from, Instant createdAt,
		Instant expiresAt, @Nullable Instant revokedAt) {

	/** The link's path on this site. */
	String path() {
		return "/gift/" + this.token;
	}

	boolean expired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

}
