package io.newsstand.web.personal;

import io.newsstand.aggregator.ArticleSummary;

/**
 * One article of "For you": its teaser (never a body) and why it is there.
 *
 * @param article
 *            the teaser
 * @param reason
 *            for the reader: "Because you follow Business", "Because you read
 *            The Harbour Times", "New on Newsstand"
 * @param saved
 *            the reader saved it
 */
public record ForYouItem(ArticleSummary article, String reason, boolean saved) {
}
