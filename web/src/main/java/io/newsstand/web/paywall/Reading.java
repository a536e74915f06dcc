package io.newsstand.web.paywall;

import org.jspecify.annotations.Nullable;

/**
 * Who is asking to read which article: everything the paywall needs to know.
 *
 * @param accountId
 *            the signed-in reader, or null for an anonymous one
 * @param articleId
 *            the article
 * @param freePublisher
 *            the article's publisher makes it free
 */
public record Reading(@Nullable String accountId, String articleId, boolean freePublisher) {
}
