package io.newsstand.web.search;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleSearch;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.SearchHit;
import io.newsstand.aggregator.SearchQuery;
import io.newsstand.aggregator.SearchResults;
import io.newsstand.web.paywall.Paywall;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Runs a reader's search: the paywall decides whether snippets may come from
 * article bodies, the index finds and marks, the article store fills in what a
 * result shows. A hit whose article is gone (the index lags a removal) is left
 * out.
 */
@Component
class Searches {

	private final ArticleSearch search;

	private final Articles articles;

	private final Paywall paywall;

	Searches(ArticleSearch search, Articles articles, Paywall paywall) {
		this.search = search;
		this.articles = articles;
		this.paywall = paywall;
	}

	boolean knownPublisher(String id) {
		return this.articles.publisher(id).isPresent();
	}

	SearchPage run(SearchQuery query, int page, @Nullable String accountId) {
		SearchResults results = this.search.search(query.withBodyVisible(this.paywall.readsBodies(accountId)));
		List<SearchItem> items = new ArrayList<>(results.hits().size());
		for (SearchHit hit : results.hits()) {
			Article article = this.articles.article(hit.articleId()).orElse(null);
			if (article == null) {
				continue;
			}
			items.add(new SearchItem(article.id(), article.title(), hit.titleHtml(), article.url(),
					new SearchItem.Publisher(article.publisherId(), article.publisherName()), article.section(),
					article.author(), article.publishedAt(), (article.image() != null) ? article.image().url() : null,
					hit.snippetHtml()));
		}
		long reachable = Math.min(results.totalHits(), SearchQuery.MAX_DEPTH);
		int next = query.offset() + query.limit();
		String nextCursor = (next < reachable && next + query.limit() <= SearchQuery.MAX_DEPTH)
				? SearchRequest.cursor(next)
				: null;
		return new SearchPage(items, nextCursor, page, results.totalHits(), results.indexReady());
	}

}
