package io.newsstand.web.personal;

import io.newsstand.aggregator.Publisher;
import io.newsstand.aggregator.Topics;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The "Following" page: what the reader follows and mutes, and what they could
 * follow.
 *
 * @param follows
 *            the reader's follows and mutes
 * @param publishers
 *            the catalog's publishers
 * @param sections
 *            every section a publisher lists, as spelled first
 * @param error
 *            why the last change was refused, or null
 * @param topic
 *            the topic the reader typed when it was refused
 */
public record FollowingPage(FollowSet follows, List<Publisher> publishers, List<String> sections,
		@Nullable String error, String topic) {

	public boolean following(String kind, String value) {
		FollowKind parsed = FollowKind.parse(kind).orElseThrow();
		return this.follows.follows(parsed,
				(parsed == FollowKind.PUBLISHER) ? value : Topics.normalise(value).orElse(""));
	}

	public boolean muted(String publisherId) {
		return this.follows.muted(publisherId);
	}

}
