package io.newsstand.web.articles;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A reader opened an article (its page or {@code GET /api/v1/articles/{id}}),
 * published once per view after the paywall decided. A HEAD opens nothing.
 * Listeners count reads for top stories and keep reading history. It lives
 * below the reading, front page and personal packages so that each of them may
 * depend on it without depending on the others.
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
 *            accounts, {@code v:<hash>} of the client address for anonymous
 *            readers (no address is kept). Not the user agent: a client names
 *            its own, so each new one was a new reader
 * @param addressKey
 *            a hash of the client's address (an IPv6 address by its /64), for
 *            caps on what one network may count
 * @param full
 *            the reader saw the whole article, not the teaser
 * @param at
 *            when
 * @param member
 *            the reader's membership opened it (the paywall's reason was
 *            {@code MEMBER}; not a free publisher's article, not a metered
 *            read): the reads publisher payouts count
 */
public record ArticleOpened(String articleId, String publisherId, @Nullable String section, @Nullable String accountId,
		String readerKey, String addressKey, boolean full, Instant at, boolean member) {

	/** A read the membership did not open (see {@link #member}). */
	public ArticleOpened(String articleId, String publisherId, @Nullable String section, @Nullable String accountId,
			String readerKey, String addressKey, boolean full, Instant at) {
		this(articleId, publisherId, section, accountId, readerKey, addressKey, full, at, false);
	}

}
