package io.newsstand.web.reading;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.paywall.Access;
import io.newsstand.web.paywall.Paywall;
import io.newsstand.web.paywall.Reading;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one read path of an article, for the article page and the article API
 * alike: find the article, let the paywall decide, announce the read, and cut
 * the body to what the reader may see. A controller only shapes the answer, so
 * no channel can forget a step (or take one twice, spending two free articles).
 */
@Component
class ArticleReading {

	/**
	 * No article id is this long; a longer one is refused before it reaches the
	 * store.
	 */
	static final int MAX_ID_LENGTH = 200;

	private final Articles articles;

	private final Paywall paywall;

	private final OpenedArticles opened;

	ArticleReading(Articles articles, Paywall paywall, OpenedArticles opened) {
		this.articles = articles;
		this.paywall = paywall;
		this.opened = opened;
	}

	/**
	 * What one reader gets of one article.
	 *
	 * @param article
	 *            the article (its {@code body} is the full text: show {@link #body}
	 *            instead)
	 * @param access
	 *            the paywall's decision, with its reason
	 * @param body
	 *            the body this reader may see: the full text or the teaser
	 */
	record Read(Article article, Access access, String body) {
	}

	/**
	 * A reader opens an article. A HEAD shows no article, so it only peeks: it
	 * spends no free article and announces nothing.
	 *
	 * @return the read, or empty when there is no such article
	 */
	Optional<Read> open(String id, @Nullable String accountId, HttpServletRequest request) {
		boolean shown = !"HEAD".equals(request.getMethod());
		return find(id).map((article) -> {
			Reading reading = reading(article, accountId);
			Access access = shown ? this.paywall.decide(reading) : this.paywall.peek(reading);
			this.opened.opened(article, reading, access, request);
			return new Read(article, access, this.paywall.visibleBody(article.body(), access));
		});
	}

	/**
	 * A copy for reading offline (docs/offline.md) is not a read: it spends no free
	 * article and enters no history. Whether the device may keep it is the caller's
	 * rule ({@link OfflineCopy}).
	 *
	 * @return the read, or empty when there is no such article
	 */
	Optional<Read> offlineCopy(String id, @Nullable String accountId) {
		return find(id).map((article) -> {
			Access access = this.paywall.peek(reading(article, accountId));
			return new Read(article, access, this.paywall.visibleBody(article.body(), access));
		});
	}

	private Optional<Article> find(String id) {
		return (id.length() > MAX_ID_LENGTH) ? Optional.empty() : this.articles.article(id);
	}

	private static Reading reading(Article article, @Nullable String accountId) {
		return new Reading(accountId, article.id(), article.free());
	}

}
