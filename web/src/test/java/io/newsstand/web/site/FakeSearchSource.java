package io.newsstand.web.site;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleSearchSource;
import io.newsstand.aggregator.SearchDocument;
import io.newsstand.web.paywall.Teasers;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jsoup.Jsoup;

/**
 * Search's source over {@link FakeArticles}, standing in for the article store:
 * the teaser is cut by the paywall's rule at the app's default share
 * ({@code SearchSiteTest} checks it matches the app's own teaser).
 */
public final class FakeSearchSource implements ArticleSearchSource {

	/** {@code newsstand.paywall.teaser-share} as application.yml sets it. */
	public static final double TEASER_SHARE = 0.25;

	private final FakeArticles articles = new FakeArticles();

	@Override
	public void forEachArticle(Consumer<SearchDocument> consumer) {
		this.articles.all().forEach(article -> consumer.accept(document(article)));
	}

	@Override
	public Optional<SearchDocument> find(String articleId) {
		return this.articles.article(articleId).map(FakeSearchSource::document);
	}

	public static String teaser(String bodyHtml) {
		return Jsoup.parseBodyFragment(Teasers.opening(bodyHtml, TEASER_SHARE)).text();
	}

	private static SearchDocument document(Article article) {
		return new SearchDocument(article.id(), article.publisherId(),
				Objects.requireNonNullElse(article.section(), ""), article.title(), article.summary(),
				Objects.requireNonNullElse(article.author(), ""), teaser(article.body()), article.body(),
				article.publishedAt());
	}

}
