package io.newsstand.web.frontpage;

import io.newsstand.aggregator.ArticleSummary;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The front page's scores. An article's score is
 * {@code (1 + weighted reads) × 2^(-age / freshness half-life) × boost}, where
 * reads are distinct readers weighted by their own age
 * ({@link ReadCounts#weighted}) and boost is the edition boost for the
 * edition's own publishers (1 otherwise). With no reads at all this is recency,
 * so a fresh site still has a sensible top list; a read an hour ago counts
 * nearly as much as a new article, one a day ago little.
 *
 * @param now
 *            the time of the computation
 * @param edition
 *            the edition ranked for
 * @param regions
 *            publisher id to region
 * @param reads
 *            article id to weighted reads
 * @param properties
 *            half-lives and boost
 */
record Ranking(Instant now, Edition edition, Map<String, String> regions, Map<String, Double> reads,
		FrontPageProperties properties) {

	double score(ArticleSummary article) {
		return (1 + this.reads.getOrDefault(article.id(), 0.0)) * freshness(article) * boost(article);
	}

	/** Recency and edition only: for the latest and section lists. */
	double freshnessScore(ArticleSummary article) {
		return freshness(article) * boost(article);
	}

	private double freshness(ArticleSummary article) {
		double age = Math.max(0, this.now.getEpochSecond() - article.publishedAt().getEpochSecond());
		return Math.pow(2, -age / this.properties.freshnessHalfLife().toSeconds());
	}

	private double boost(ArticleSummary article) {
		String region = this.regions.get(article.publisherId());
		return (region != null && this.edition.owns(region)) ? this.properties.editionBoost() : 1;
	}

	/** Highest score first; ties keep the given (newest-first) order. */
	List<ArticleSummary> byScore(List<ArticleSummary> articles) {
		return articles.stream().sorted(Comparator.comparingDouble(this::score).reversed()).toList();
	}

	List<ArticleSummary> byFreshness(List<ArticleSummary> articles) {
		return articles.stream().sorted(Comparator.comparingDouble(this::freshnessScore).reversed()).toList();
	}

}
