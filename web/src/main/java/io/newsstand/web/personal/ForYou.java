package io.newsstand.web.personal;

import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.web.redis.PersonalKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * "For you", computed once per change: each node keeps the last list of each
 * reader with the reader's personal version (a Redis counter that every follow,
 * save and read bumps), so a request costs one {@code GET} until the version
 * moves or {@code newsstand.personal.for-you-ttl} passes.
 */
@Service
public class ForYou {

	private static final int MAX_CACHED_READERS = 10_000;

	/** Publishers the reader read lately that add their own latest articles. */
	private static final int TASTE_PUBLISHERS = 5;

	private static final int PER_FOLLOW = 50;

	private static final int HISTORY_FOR_TASTE = 100;

	/**
	 * One reader's list.
	 *
	 * @param items
	 *            best first
	 * @param computedAt
	 *            when it was ranked
	 * @param interested
	 *            the reader follows something or has read something, so the list is
	 *            more than the latest news
	 */
	public record Feed(List<ForYouItem> items, Instant computedAt, boolean interested) {
	}

	private record Cached(String version, Feed feed) {
	}

	private final StringRedisTemplate redis;

	private final Follows follows;

	private final ReadingHistory history;

	private final SavedArticles saved;

	private final CandidatePool pool;

	private final Cards cards;

	private final PersonalProperties properties;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	ForYou(StringRedisTemplate redis, Follows follows, ReadingHistory history, SavedArticles saved, CandidatePool pool,
			Cards cards, PersonalProperties properties, Clock clock) {
		this.redis = redis;
		this.follows = follows;
		this.history = history;
		this.saved = saved;
		this.pool = pool;
		this.cards = cards;
		this.properties = properties;
		this.clock = clock;
	}

	public Feed feed(String accountId) {
		String version = Optional.ofNullable(this.redis.opsForValue().get(PersonalKeys.version(accountId))).orElse("0");
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(accountId);
		if (cached != null && cached.version().equals(version)
				&& cached.feed().computedAt().plus(this.properties.forYouTtl()).isAfter(now)
				&& !cached.feed().computedAt().isAfter(now)) {
			return cached.feed();
		}
		Feed feed = compute(accountId, now);
		if (this.cache.size() >= MAX_CACHED_READERS) {
			this.cache.values()
					.removeIf(entry -> entry.feed().computedAt().plus(this.properties.forYouTtl()).isBefore(now));
			if (this.cache.size() >= MAX_CACHED_READERS) {
				this.cache.clear();
			}
		}
		this.cache.put(accountId, new Cached(version, feed));
		return feed;
	}

	private Feed compute(String accountId, Instant now) {
		FollowSet followSet = this.follows.of(accountId);
		List<SavedArticles.Entry> opened = this.history.list(accountId, 0, this.properties.historySize());
		Set<String> openedIds = new HashSet<>();
		opened.forEach(entry -> openedIds.add(entry.articleId()));
		List<ForYouRanking.Read> reads = opened.stream().limit(HISTORY_FOR_TASTE).flatMap(entry -> this.cards
				.card(entry.articleId()).map(card -> new ForYouRanking.Read(card, entry.at())).stream()).toList();

		Map<String, ArticleSummary> candidates = new LinkedHashMap<>();
		this.pool.latest(this.properties.forYouCandidates()).forEach(summary -> candidates.put(summary.id(), summary));
		Set<String> publishers = new LinkedHashSet<>(followSet.values(FollowKind.PUBLISHER));
		reads.stream().map(read -> read.card().publisherId()).distinct().limit(TASTE_PUBLISHERS)
				.forEach(publishers::add);
		publishers.removeAll(followSet.mutedIds());
		for (String publisher : publishers) {
			this.pool.ofPublisher(publisher, PER_FOLLOW)
					.forEach(summary -> candidates.putIfAbsent(summary.id(), summary));
		}
		for (Follow section : followSet.following(FollowKind.SECTION)) {
			this.pool.ofSection(section.label(), PER_FOLLOW)
					.forEach(summary -> candidates.putIfAbsent(summary.id(), summary));
		}
		for (Follow topic : followSet.following(FollowKind.TOPIC)) {
			this.pool.ofTopic(topic.value(), PER_FOLLOW)
					.forEach(summary -> candidates.putIfAbsent(summary.id(), summary));
		}
		List<Card> cardList = candidates.values().stream().filter(
				summary -> !openedIds.contains(summary.id()) && !followSet.mutedIds().contains(summary.publisherId()))
				.map(summary -> this.cards.card(summary.id()).orElse(new Card(summary, List.of()))).toList();

		List<ForYouRanking.Ranked> ranked = ForYouRanking.rank(followSet, reads, openedIds, cardList, now,
				this.properties.tasteHalfLife(), this.properties.freshnessHalfLife(), this.properties.forYouSize());
		Set<String> savedIds = new HashSet<>();
		this.saved.list(accountId, 0, this.properties.maxSaved()).forEach(entry -> savedIds.add(entry.articleId()));
		List<ForYouItem> items = ranked.stream()
				.map(rank -> new ForYouItem(rank.card().summary(), rank.reason(), savedIds.contains(rank.card().id())))
				.toList();
		return new Feed(items, now, !followSet.isEmpty() || !reads.isEmpty());
	}

}
