package io.newsstand.web.frontpage;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import io.newsstand.aggregator.StoryClusters;
import io.newsstand.aggregator.StoryMember;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The front page's lists per edition, computed at most once per
 * {@code newsstand.frontpage.refresh} (and at once after a pick changes), never
 * per request. While one request recomputes an edition, the others are served
 * the previous lists.
 */
@Component
public class FrontPage implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FrontPage.class);

	/** Newest articles considered for the top list and "Latest". */
	private static final int POOL = 100;

	/** Most-read articles outside that pool still considered. */
	private static final int READ_OUTSIDE_POOL = 30;

	/** Best-scored candidates whose story cluster is looked up. */
	private static final int CLUSTERED = 40;

	private final Articles articles;

	private final StoryClusters clusters;

	private final ReadCounts reads;

	private final Picks picks;

	private final FrontPageProperties properties;

	private final Clock clock;

	private final Map<Edition, Cached> cache = new ConcurrentHashMap<>();

	private final Map<Edition, ReentrantLock> locks = new EnumMap<>(Edition.class);

	private final AtomicLong generation = new AtomicLong();

	private final ExecutorService computer = Executors
			.newSingleThreadExecutor(Thread.ofPlatform().name("front-page").daemon(true).factory());

	FrontPage(Articles articles, StoryClusters clusters, ReadCounts reads, Picks picks, FrontPageProperties properties,
			Clock clock) {
		this.articles = articles;
		this.clusters = clusters;
		this.reads = reads;
		this.picks = picks;
		this.properties = properties;
		this.clock = clock;
		for (Edition edition : Edition.values()) {
			this.locks.put(edition, new ReentrantLock());
		}
	}

	private record Cached(HomeLists lists, long generation) {
	}

	/** The lists of one edition, at most {@code refresh} old. */
	public HomeLists lists(Edition edition) {
		Cached cached = this.cache.get(edition);
		if (fresh(cached)) {
			return cached.lists();
		}
		ReentrantLock lock = this.locks.get(edition);
		boolean picksCurrent = cached != null && cached.generation() == this.generation.get();
		if (picksCurrent && !lock.tryLock()) {
			// Someone is recomputing: the lists of a few seconds ago will do.
			return cached.lists();
		}
		if (!picksCurrent) {
			lock.lock();
		}
		try {
			Cached again = this.cache.get(edition);
			if (fresh(again)) {
				return again.lists();
			}
			long current = this.generation.get();
			HomeLists lists;
			try {
				lists = computeOnPlatformThread(edition);
			} catch (DataAccessException ex) {
				if (again == null) {
					throw ex;
				}
				// Redis slow or away for a moment: the previous lists are better than an
				// error page; the next request tries again.
				log.warn("Front page of edition {} not recomputed, serving the lists of {}: {}", edition,
						again.lists().computedAt(), ex.getMessage());
				return again.lists();
			}
			this.cache.put(edition, new Cached(lists, current));
			return lists;
		} finally {
			lock.unlock();
		}
	}

	private boolean fresh(@Nullable Cached cached) {
		if (cached == null || cached.generation() != this.generation.get()) {
			return false;
		}
		Instant now = this.clock.instant();
		Instant computed = cached.lists().computedAt();
		return !now.isBefore(computed) && now.isBefore(computed.plus(this.properties.refresh()));
	}

	/** Recomputes every edition on its next request. */
	@EventListener(PicksChanged.class)
	public void invalidate() {
		this.generation.incrementAndGet();
	}

	/**
	 * Runs the computation on a platform thread while the request's virtual thread
	 * waits. Under load the request threads can keep every carrier thread busy for
	 * longer than the Redis command timeout, and a virtual thread whose answer has
	 * arrived then times out anyway (docs/performance.md, "Pipeline contained one
	 * or more invalid commands"); a platform thread is scheduled by the OS.
	 */
	private HomeLists computeOnPlatformThread(Edition edition) {
		try {
			return this.computer.submit(() -> compute(edition, this.clock.instant())).get();
		} catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while computing the front page", ex);
		}
	}

	@Override
	public void destroy() {
		this.computer.shutdownNow();
	}

	private HomeLists compute(Edition edition, Instant now) {
		List<Publisher> publishers = this.articles.publishers();
		Map<String, String> regions = new HashMap<>();
		publishers.forEach(publisher -> regions.put(publisher.id(), publisher.region()));
		Map<String, Double> weightedReads = this.reads.weighted(now);
		Ranking ranking = new Ranking(now, edition, regions, weightedReads, this.properties);
		List<ArticleSummary> pool = this.articles.latest(new ArticleQuery(null, null, null, null, POOL)).items();
		return new HomeLists(edition, top(ranking, pool, weightedReads), picked(), latest(ranking, pool),
				sections(ranking, publishers), now);
	}

	private List<HomeLists.TopStory> top(Ranking ranking, List<ArticleSummary> pool, Map<String, Double> reads) {
		Map<String, ArticleSummary> candidates = new LinkedHashMap<>();
		pool.forEach(article -> candidates.put(article.id(), article));
		reads.entrySet().stream().filter(entry -> !candidates.containsKey(entry.getKey()))
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(READ_OUTSIDE_POOL)
				.forEach(entry -> this.articles.article(entry.getKey()).map(Article::toSummary)
						.ifPresent(article -> candidates.put(article.id(), article)));
		List<ArticleSummary> ranked = ranking.byScore(new ArrayList<>(candidates.values()));
		// One entry per story: the best-ranked version stands for the cluster, which
		// scores the sum of its versions' scores.
		Map<String, Story> storyOf = new HashMap<>();
		List<Story> stories = new ArrayList<>();
		for (ArticleSummary article : ranked.subList(0, Math.min(CLUSTERED, ranked.size()))) {
			double score = ranking.score(article);
			Story story = storyOf.get(article.id());
			if (story != null) {
				story.score += score;
				continue;
			}
			List<StoryMember> members = this.clusters.cluster(article.id());
			story = new Story(article, 1 + members.size(), score);
			stories.add(story);
			storyOf.put(article.id(), story);
			for (StoryMember member : members) {
				storyOf.putIfAbsent(member.articleId(), story);
			}
		}
		return stories.stream().sorted(Comparator.comparingDouble((Story story) -> story.score).reversed())
				.limit(this.properties.topStories()).map(story -> new HomeLists.TopStory(story.article, story.sources))
				.toList();
	}

	private static final class Story {

		final ArticleSummary article;

		final int sources;

		double score;

		Story(ArticleSummary article, int sources, double score) {
			this.article = article;
			this.sources = sources;
			this.score = score;
		}

	}

	private List<ArticleSummary> picked() {
		List<ArticleSummary> picked = new ArrayList<>();
		for (Pick pick : this.picks.current()) {
			this.articles.article(pick.articleId()).map(Article::toSummary).ifPresent(picked::add);
		}
		return picked;
	}

	private List<ArticleSummary> latest(Ranking ranking, List<ArticleSummary> pool) {
		return ranking.byFreshness(pool.subList(0, Math.min(pool.size(), this.properties.latestStories() * 3))).stream()
				.limit(this.properties.latestStories()).toList();
	}

	private List<HomeLists.SectionStories> sections(Ranking ranking, List<Publisher> publishers) {
		List<HomeLists.SectionStories> sections = new ArrayList<>();
		for (CatalogSections.SectionName section : CatalogSections.of(publishers)) {
			if (sections.size() >= this.properties.sections()) {
				break;
			}
			List<ArticleSummary> latest = this.articles
					.latest(new ArticleQuery(null, section.name(), null, null, this.properties.storiesPerSection() * 3))
					.items();
			if (!latest.isEmpty()) {
				sections.add(new HomeLists.SectionStories(section.name(), section.slug(),
						ranking.byFreshness(latest).stream().limit(this.properties.storiesPerSection()).toList()));
			}
		}
		return sections;
	}

}
