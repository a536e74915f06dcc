package io.newsstand.web.reading;

import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.web.frontpage.Edition;
import io.newsstand.web.frontpage.FrontPage;
import io.newsstand.web.frontpage.HomeLists;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Top stories right now" beside an article: the front page's own list (kept
 * there, recomputed once per change or interval), so an article page does not
 * pay for it on every view. Related stories are {@link RelatedStories}.
 */
@Component
class StoryLists {

	private final FrontPage frontPage;

	StoryLists(FrontPage frontPage) {
		this.frontPage = frontPage;
	}

	/** The front page's top stories (International edition). */
	List<ArticleSummary> top(int count) {
		return this.frontPage.lists(Edition.INTERNATIONAL).top().stream().map(HomeLists.TopStory::story).limit(count)
				.toList();
	}

}
