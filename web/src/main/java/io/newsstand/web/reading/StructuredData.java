package io.newsstand.web.reading;

import io.newsstand.aggregator.Article;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * schema.org NewsArticle JSON-LD for an article page. It carries no body text;
 * for a publisher that is not free it says {@code isAccessibleForFree: false}
 * and marks the restricted part ({@code .paywalled-body}), as search engines
 * ask of paywalled pages.
 */
final class StructuredData {

	static final String PAYWALLED_SELECTOR = ".paywalled-body";

	private StructuredData() {
	}

	static String of(Article article, String canonicalUrl, JsonMapper json) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "NewsArticle");
		data.put("headline", article.title());
		data.put("description", article.summary());
		data.put("datePublished", ArticleView.iso(article.publishedAt()));
		data.put("dateModified", ArticleView.iso(article.updatedAt()));
		data.put("mainEntityOfPage", canonicalUrl);
		if (article.author() != null) {
			data.put("author", List.of(Map.of("@type", "Person", "name", article.author())));
		}
		data.put("publisher", Map.of("@type", "Organization", "name", article.publisherName()));
		if (article.image() != null) {
			data.put("image", List.of(article.image().url()));
		}
		data.put("isAccessibleForFree", article.free());
		if (!article.free()) {
			data.put("hasPart",
					Map.of("@type", "WebPageElement", "isAccessibleForFree", false, "cssSelector", PAYWALLED_SELECTOR));
		}
		// "</script>" or "<!--" inside a string must not end the script element.
		return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

}
