package io.newsstand.aggregator.internal.poll;

import io.newsstand.aggregator.internal.parse.NormalizedArticle;
import io.newsstand.aggregator.internal.store.FeedState;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one poll of a feed decided about the schedule, and the articles it
 * parsed, still to be stored ({@link FeedPoller#store}).
 */
record PollReport(FeedState state, PollOutcome outcome, boolean disable, List<NormalizedArticle> articles,
		ItemMemory.@Nullable Feed items) {

	PollReport(FeedState state, PollOutcome outcome, boolean disable) {
		this(state, outcome, disable, List.of(), null);
	}

}
