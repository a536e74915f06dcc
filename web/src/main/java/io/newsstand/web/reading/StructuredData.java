package io.newsstand.web.reading;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsstand.aggregator.Article;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * schema.org NewsArticle JSON-LD for an article page. It carries no body text;
 * for a publisher that is not free it says {@code isAccessibleForFree: false}
 * and marks the restricted part ({@code .paywalled-body}), as search engines
 * ask of paywalled pages.
 * <p>
 * Written once per article version: it was half of what the article controller
 * itself cost per view (performance.md). The key holds every fact the JSON is
 * made of, so a changed headline or date is a new entry.
 */
@Component
class StructuredData {

	static final String PAYWALLED_SELECTOR = ".paywalled-body";

	private final JsonMapper json;

	private final Cache<Facts, String> written = Caffeine.newBuilder().maximumSize(5_000).build();

	StructuredData(JsonMapper json) {
		this.json = json;
	}

	/** What the JSON-LD says of an article: no body. */
	private record Facts(String title, String summary, Instant publishedAt, Instant updatedAt, String canonicalUrl,
			@Nullable String author, String publisherName, @Nullable String imageUrl, boolean free) {
	}

	String of(Article article, String canonicalUrl) {
		Facts facts = new Facts(article.title(), article.summary(), article.publishedAt(), article.updatedAt(),
				canonicalUrl, article.author(), article.publisherName(),
				(article.image() != null) ? article.image().url() : null, article.free());
		return this.written.get(facts, this::write);
	}

	private String write(Facts article) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "NewsArticle");
		data.put("headline", article.title());
		data.put("description", article.summary());
		data.put("datePublished", ArticleView.iso(article.publishedAt()));
		data.put("dateModified", ArticleView.iso(article.updatedAt()));
		data.put("mainEntityOfPage", article.canonicalUrl());
		if (article.author() != null) {
			data.put("author", List.of(Map.of("@type", "Person", "name", article.author())));
		}
		data.put("publisher", Map.of("@type", "Organization", "name", article.publisherName()));
		if (article.imageUrl() != null) {
			data.put("image", List.of(article.imageUrl()));
		}
		data.put("isAccessibleForFree", article.free());
		if (!article.free()) {
			data.put("hasPart",
					Map.of("@type", "WebPageElement", "isAccessibleForFree", false, "cssSelector", PAYWALLED_SELECTOR));
		}
		// "</script>" or "<!--" inside a string must not end the script element.
		return this.json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&",
				"\\u0026");
	}

}
