package io.newsstand.web.personal;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.layout.SiteModel;
import io.newsstand.web.offline.OfflineProperties;
import io.newsstand.web.paywall.Paywall;
import io.newsstand.web.security.Reader;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The saved articles a device may keep in full for its signed-in reader, for
 * the service worker (which fetches each with the reader's session). A member
 * gets their newest saved articles; anyone else only those of free publishers,
 * since a metered free article is spent by reading, not by saving. Answers 401
 * to anonymous readers and is never stored by any cache.
 */
@RestController
class OfflineSavedController {

	private final SavedArticles saved;

	private final Articles articles;

	private final Paywall paywall;

	private final OfflineProperties properties;

	OfflineSavedController(SavedArticles saved, Articles articles, Paywall paywall, OfflineProperties properties) {
		this.saved = saved;
		this.articles = articles;
		this.paywall = paywall;
		this.properties = properties;
	}

	record OfflineArticle(String url, String title, String publisher) {
	}

	record OfflineList(String device, List<OfflineArticle> articles) {
	}

	@GetMapping("/offline/saved")
	ResponseEntity<OfflineList> saved(@AuthenticationPrincipal @Nullable Reader reader) {
		if (reader == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).cacheControl(CacheControl.noStore()).build();
		}
		boolean member = this.paywall.readsBodies(reader.accountId());
		List<OfflineArticle> kept = this.saved.list(reader.accountId(), 0, this.properties.savedArticles()).stream()
				.map(entry -> this.articles.article(entry.articleId())).flatMap(Optional::stream)
				.filter(article -> member || article.free()).map(OfflineSavedController::offline).toList();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate())
				.body(new OfflineList(SiteModel.deviceTag(reader.accountId()), kept));
	}

	private static OfflineArticle offline(Article article) {
		return new OfflineArticle("/articles/" + article.id(), article.title(), article.publisherName());
	}

}
