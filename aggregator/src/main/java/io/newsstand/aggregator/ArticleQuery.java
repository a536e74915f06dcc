package io.newsstand.aggregator;

import org.jspecify.annotations.Nullable;

/**
 * A request for the latest articles, newest first. Blank filters are ignored;
 * several filters combine with AND.
 *
 * @param publisher
 *            publisher id, or {@code null}
 * @param section
 *            section name (case-insensitive), or {@code null}
 * @param region
 *            edition (case-insensitive), or {@code null}
 * @param topic
 *            an article category, compared in the normal form of
 *            {@link Topics}, or {@code null}; one that has no normal form
 *            matches nothing
 * @param cursor
 *            the {@code nextCursor} of the previous page, or {@code null} for
 *            the first page
 * @param limit
 *            page size, 1 to {@link #MAX_LIMIT}
 */
public record ArticleQuery(@Nullable String publisher, @Nullable String section, @Nullable String region,
		@Nullable String topic, @Nullable String cursor, int limit) {

	/** The largest page. */
	public static final int MAX_LIMIT = 100;

	/** The page size when none is asked for. */
	public static final int DEFAULT_LIMIT = 20;

	/**
	 * Checks the limit.
	 *
	 * @throws IllegalArgumentException
	 *             when the limit is out of range
	 */
	public ArticleQuery {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
	}

	/**
	 * A request without a topic.
	 *
	 * @throws IllegalArgumentException
	 *             when the limit is out of range
	 */
	public ArticleQuery(@Nullable String publisher, @Nullable String section, @Nullable String region,
			@Nullable String cursor, int limit) {
		this(publisher, section, region, null, cursor, limit);
	}

	/**
	 * The first page of the latest articles of all publishers.
	 *
	 * @return the query
	 */
	public static ArticleQuery latest() {
		return new ArticleQuery(null, null, null, null, DEFAULT_LIMIT);
	}

}
