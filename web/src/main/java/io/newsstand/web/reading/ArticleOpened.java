package io.newsstand.web.reading;

import io.newsstand.web.security.Hashes;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A reader opened an article (its page or {@code GET /api/v1/articles/{id}}),
 * published once per view after the paywall decided. A HEAD opens nothing.
 * Listeners count reads for top stories and keep reading history.
 *
 * @param articleId
 *            the article
 * @param publisherId
 *            its publisher
 * @param section
 *            its section, or null
 * @param accountId
 *            the signed-in reader, or null for an anonymous one
 * @param readerKey
 *            a stable key for "the same reader": {@code a:<accountId>} for
 *            accounts, {@code v:<hash>} of address and user agent for anonymous
 *            readers (no address is kept)
 * @param full
 *            the reader saw the whole article, not the teaser
 * @param at
 *            when
 */
public record ArticleOpened(String articleId, String publisherId, @Nullable String section, @Nullable String accountId,
		String readerKey, boolean full, Instant at) {

	static String readerKey(@Nullable String accountId, HttpServletRequest request) {
		if (accountId != null) {
			return "a:" + accountId;
		}
		String agent = request.getHeader("User-Agent");
		String raw = request.getRemoteAddr() + "|" + ((agent != null) ? agent : "");
		// 12 bytes of SHA-256: stable for the same reader, and no address is kept.
		return "v:" + Hashes.sha256(raw).substring(0, 24);
	}

}
