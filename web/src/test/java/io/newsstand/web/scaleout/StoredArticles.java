package io.newsstand.web.scaleout;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import io.newsstand.aggregator.internal.parse.NormalizedArticle;
import io.newsstand.aggregator.internal.store.ArticleStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Articles stored through a node's article store, as its poller would store
 * them: for tests that run their nodes without polling.
 */
final class StoredArticles {

	private StoredArticles() {
	}

	/** A word no other article has (letters only, so no analyzer splits it). */
	static String uniqueWord() {
		Random random = ThreadLocalRandom.current();
		StringBuilder word = new StringBuilder("zeph");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

	/**
	 * Stores one free article of the catalog's first publisher whose title and body
	 * carry the word; returns its id.
	 */
	static String store(ClusterApp node, String word) {
		Publisher publisher = node.bean(Articles.class).publishers().get(0);
		byte[] bytes = new byte[12];
		ThreadLocalRandom.current().nextBytes(bytes);
		String id = HexFormat.of().formatHex(bytes);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String url = publisher.homepage() + "/scale-out-test/" + id;
		String body = "<p>An article about " + word + " for a scale-out test.</p>";
		Article article = new Article(id, "News of " + word, url, publisher.id(), publisher.name(), null,
				publisher.region(), null, now, now, "About " + word, body, null, List.of(), publisher.language(), 7, 1,
				true);
		node.bean(ArticleStore.class).save(List.of(new NormalizedArticle(article, id, url, id, true)));
		return id;
	}

}
