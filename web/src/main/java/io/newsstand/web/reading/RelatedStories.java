package io.newsstand.web.reading;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.StoryClusters;
import io.newsstand.aggregator.StoryMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Also covered by" and "Related stories" of an article, for the page and the
 * API alike. Also covered by: the other publishers' versions of its story (its
 * story cluster), newest first. Related: those versions first, then the latest
 * stories of its section (or, without one, of its publisher) that share the
 * most categories with it. Never the article itself, never one story twice.
 * Teasers only. Each article's lists are computed at most once a minute, and
 * the section pools they draw from likewise.
 */
@Component
class RelatedStories {

	private static final Logger log = LoggerFactory.getLogger(RelatedStories.class);

	static final int RELATED = 6;

	private static final Duration KEEP = Duration.ofSeconds(60);

	private static final int POOL = 30;

	private static final int MAX_ENTRIES = 2000;

	/** What an article page and {@code /related} show besides the article. */
	record Lists(List<ArticleSummary> alsoCoveredBy, List<ArticleSummary> related) {
	}

	private record Candidate(ArticleSummary summary, Set<String> categories) {
	}

	private record Cached<T>(T value, Instant until) {
	}

	private final Articles articles;

	private final StoryClusters clusters;

	private final Clock clock;

	private final Map<String, Cached<Lists>> lists = new ConcurrentHashMap<>();

	private final Map<String, Cached<List<Candidate>>> pools = new ConcurrentHashMap<>();

	RelatedStories(Articles articles, StoryClusters clusters, Clock clock) {
		this.articles = articles;
		this.clusters = clusters;
		this.clock = clock;
	}

	Lists of(Article article) {
		return cached(this.lists, article.id(), id -> compute(article));
	}

	private Lists compute(Article article) {
		List<ArticleSummary> covered = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		seen.add(article.id());
		for (StoryMember member : members(article.id())) {
			if (member.publisherId().equals(article.publisherId()) || !seen.add(member.articleId())) {
				continue;
			}
			this.articles.article(member.articleId()).map(Article::toSummary).ifPresent(covered::add);
		}
		List<ArticleSummary> related = new ArrayList<>(covered);
		Set<String> categories = keys(article.categories());
		String pool = (article.section() != null) ? "s:" + article.section() : "p:" + article.publisherId();
		List<Candidate> candidates = new ArrayList<>(cached(this.pools, pool, key -> pool(article)));
		// Most shared categories first; the pool is newest first, and the sort is
		// stable.
		candidates.sort(Comparator.comparingInt((Candidate candidate) -> -shared(candidate.categories(), categories)));
		for (Candidate candidate : candidates) {
			if (related.size() >= RELATED) {
				break;
			}
			if (seen.add(candidate.summary().id())) {
				related.add(candidate.summary());
			}
		}
		return new Lists(List.copyOf(covered), List.copyOf(related.subList(0, Math.min(RELATED, related.size()))));
	}

	/** A cluster failure costs "Also covered by", never the page. */
	private List<StoryMember> members(String articleId) {
		try {
			return this.clusters.cluster(articleId);
		} catch (RuntimeException ex) {
			log.warn("Story cluster of article {} unavailable: {}", articleId, ex.toString());
			return List.of();
		}
	}

	private List<Candidate> pool(Article article) {
		String section = article.section();
		ArticleQuery query = (section != null)
				? new ArticleQuery(null, section, null, null, POOL)
				: new ArticleQuery(article.publisherId(), null, null, null, POOL);
		List<Candidate> pool = new ArrayList<>();
		for (ArticleSummary summary : this.articles.latest(query).items()) {
			if (section != null && !section.equalsIgnoreCase(Objects.requireNonNullElse(summary.section(), ""))) {
				continue;
			}
			Set<String> categories = this.articles.article(summary.id()).map(found -> keys(found.categories()))
					.orElse(Set.of());
			pool.add(new Candidate(summary, categories));
		}
		return List.copyOf(pool);
	}

	private <T> T cached(Map<String, Cached<T>> cache, String key, Function<String, T> compute) {
		Instant now = this.clock.instant();
		Cached<T> entry = cache.get(key);
		if (entry != null && now.isBefore(entry.until())) {
			return entry.value();
		}
		T value = compute.apply(key);
		if (cache.size() >= MAX_ENTRIES) {
			cache.clear();
		}
		cache.put(key, new Cached<>(value, now.plus(KEEP)));
		return value;
	}

	private static Set<String> keys(List<String> categories) {
		Set<String> keys = new HashSet<>();
		categories.forEach(category -> keys.add(category.strip().toLowerCase(Locale.ROOT)));
		return keys;
	}

	private static int shared(Set<String> a, Set<String> b) {
		int shared = 0;
		for (String key : a) {
			if (b.contains(key)) {
				shared++;
			}
		}
		return shared;
	}

}
