package io.newsstand.aggregator;

import java.time.Instant;

/**
 * One publisher's version of a story: an entry of "Also covered by".
 *
 * @param articleId
 *            the article's id
 * @param publisherId
 *            its publisher
 * @param publishedAt
 *            when it was published
 */
public record StoryMember(String articleId, String publisherId, Instant publishedAt) {
}
