package io.newsstand.web.frontpage;

import io.newsstand.aggregator.ArticleSummary;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Top stories right now" beside an article: the front page's own list (kept
 * there, recomputed once per change or interval), so an article page does not
 * pay for it on every view. Related stories are the reading package's
 * {@code RelatedStories}.
 */
@Component
public class StoryLists {

	private final FrontPage frontPage;

	private final Editions editions;

	StoryLists(FrontPage frontPage, Editions editions) {
		this.frontPage = frontPage;
		this.editions = editions;
	}

	/**
	 * The front page's top stories of the edition the reader's browser chose,
	 * without the article being read.
	 */
	public List<ArticleSummary> top(HttpServletRequest request, String besideArticleId, int count) {
		return this.frontPage.lists(this.editions.ofBrowser(request)).top().stream().map(HomeLists.TopStory::story)
				.filter(story -> !story.id().equals(besideArticleId)).limit(count).toList();
	}

	/**
	 * The front page's "Our Picks" of the reader's edition, without the article
	 * being read.
	 */
	public List<ArticleSummary> picks(HttpServletRequest request, String besideArticleId, int count) {
		return this.frontPage.lists(this.editions.ofBrowser(request)).picks().stream()
				.filter(story -> !story.id().equals(besideArticleId)).limit(count).toList();
	}

}
