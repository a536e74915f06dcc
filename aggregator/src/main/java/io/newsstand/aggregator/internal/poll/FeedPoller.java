package io.newsstand.aggregator.internal.poll;

import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.CatalogPublisher;
import io.newsstand.aggregator.internal.fetch.FeedFetcher;
import io.newsstand.aggregator.internal.fetch.FetchRequest;
import io.newsstand.aggregator.internal.fetch.FetchResult;
import io.newsstand.aggregator.internal.fetch.FetchResult.FailureKind;
import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.FeedContext;
import io.newsstand.aggregator.internal.parse.FeedParser;
import io.newsstand.aggregator.internal.parse.NormalizedArticle;
import io.newsstand.aggregator.internal.parse.ParseOutcome;
import io.newsstand.aggregator.internal.parse.ParsedFeed;
import io.newsstand.aggregator.internal.store.ArticleStore;
import io.newsstand.aggregator.internal.store.FeedState;
import io.newsstand.aggregator.internal.store.FeedStateStore;
import io.newsstand.aggregator.internal.store.StoreResult;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed: conditional GET, skip an identical body by its hash,
 * parse, normalise, store, then record the outcome and choose the next poll
 * time. Expected failures become feed state, a warning with the feed id and
 * URL, and a metric; stored articles are never touched by a failed poll.
 */
final class FeedPoller {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	private final FeedFetcher fetcher;

	private final ArticleStore articles;

	private final FeedStateStore states;

	private final PollIntervals policy;

	private final PollMetrics metrics;

	private final InstantSource clock;

	private final Function<String, @Nullable String> urlResolver;

	private final ItemMemory memory;

	/**
	 * @param urlResolver
	 *            turns a catalog URL into the URL to fetch ({@code {self}} feeds),
	 *            or {@code null} when it cannot be fetched yet
	 */
	FeedPoller(FeedFetcher fetcher, FeedParser parser, ArticleNormalizer normalizer, ArticleStore articles,
			FeedStateStore states, PollIntervals policy, PollMetrics metrics, InstantSource clock,
			Function<String, @Nullable String> urlResolver) {
		this.fetcher = fetcher;
		this.memory = new ItemMemory(parser, normalizer);
		this.articles = articles;
		this.states = states;
		this.policy = policy;
		this.metrics = metrics;
		this.clock = clock;
		this.urlResolver = urlResolver;
	}

	/** Polls one feed and saves its state (one feed at a time: tests, operator). */
	PollReport poll(CatalogPublisher publisher, CatalogFeed feed) {
		PollReport report = poll(publisher, feed, this.states.load(feed.id()), Runnable::run);
		store(List.of(report));
		this.states.save(report.state());
		remember(List.of(report));
		return report;
	}

	/**
	 * Stores the articles a group of polls parsed, in one read and one write round
	 * trip for the whole group. Kept apart from
	 * {@link #poll(CatalogPublisher, CatalogFeed, FeedState, Executor)} so the
	 * poller runs every Redis round trip after the CPU-bound parsing, on its own
	 * thread: a pipeline awaited on a virtual thread while parses hold every
	 * carrier thread outlives the Redis command timeout, and Spring Data then
	 * reports the whole pipeline as "invalid commands".
	 */
	void store(List<PollReport> reports) {
		List<NormalizedArticle> parsed = new ArrayList<>();
		for (PollReport report : reports) {
			parsed.addAll(report.articles());
		}
		if (parsed.isEmpty()) {
			return;
		}
		StoreResult stored = this.articles.save(parsed);
		this.metrics.articles(stored.added(), stored.updated());
		if (stored.added() > 0 || stored.updated() > 0) {
			log.debug("Feed(s) {}: {} new, {} updated, {} unchanged, {} skipped",
					reports.stream().filter(report -> !report.articles().isEmpty())
							.map(report -> report.state().feedId()).toList(),
					stored.added(), stored.updated(), stored.unchanged(), stored.skipped());
		}
	}

	/**
	 * Keeps what the polls learned of their feeds' items, once their states are
	 * saved: the next changed version of a feed then parses only its changed items.
	 */
	void remember(List<PollReport> reports) {
		for (PollReport report : reports) {
			this.memory.remember(report.state().feedId(), report.items());
		}
	}

	/** The stored states of a batch of feeds, in one round trip. */
	List<FeedState> load(List<String> feedIds) {
		return this.states.loadAll(feedIds);
	}

	/**
	 * Saves the states a group of polls reported, in one round trip: per feed only
	 * the fields that changed since it was loaded.
	 */
	void save(List<FeedState> loaded, List<FeedState> polled) {
		this.states.saveChanges(loaded, polled);
	}

	/**
	 * Runs {@code work} with the stores' pipelines on one kept Redis connection.
	 */
	<T> T onOneConnection(Supplier<T> work) {
		return this.states.onOneConnection(work);
	}

	/**
	 * Polls one feed from its loaded state; the caller saves the reported state (in
	 * a batch). A changed body is parsed and normalised on {@code parsing} while
	 * the calling (virtual) thread waits: parsing is CPU-bound and never yields, so
	 * on virtual threads it would hold every carrier thread.
	 */
	PollReport poll(CatalogPublisher publisher, CatalogFeed feed, FeedState state, Executor parsing) {
		Instant now = this.clock.instant();
		String url = state.url() != null && !feed.servedBySelf() ? state.url() : this.urlResolver.apply(feed.url());
		PollReport report;
		if (url == null) {
			report = failed(feed, feed.url(), state, now, 0, FailureKind.NETWORK,
					"the app's own web server is not running, so its demo feeds cannot be fetched");
		} else {
			FetchResult result = this.fetcher
					.fetch(new FetchRequest(feed.id(), URI.create(url), state.etag(), state.lastModified()));
			report = handle(publisher, feed, url, state, now, result, parsing);
		}
		this.metrics.poll(report.outcome().tag());
		return report;
	}

	private PollReport handle(CatalogPublisher publisher, CatalogFeed feed, String url, FeedState state, Instant now,
			FetchResult result, Executor parsing) {
		String storedUrl = state.url();
		if (result.permanentUrl() != null && !feed.servedBySelf()) {
			storedUrl = result.permanentUrl().toString();
			log.info("Feed {} moved permanently from {} to {}", feed.id(), url, storedUrl);
		}
		Duration interval = state.interval() != null ? state.interval() : this.policy.defaultInterval();
		return switch (result) {
			case FetchResult.NotModified notModified -> {
				Instant next = this.policy.next(now, interval, notModified.maxAge(), feed.minInterval(),
						feed.maxInterval());
				yield new PollReport(
						state.answered(storedUrl, notModified.etag() != null ? notModified.etag() : state.etag(),
								notModified.lastModified() != null ? notModified.lastModified() : state.lastModified(),
								state.bodyHash(), 304, now, next, state.items(), interval),
						PollOutcome.NOT_MODIFIED, false);
			}
			case FetchResult.Fetched fetched ->
				fetched(publisher, feed, url, storedUrl, state, now, fetched, interval, parsing);
			case FetchResult.RateLimited limited -> {
				int errors = state.consecutiveErrors() + 1;
				Instant backoff = this.policy.backoff(now, errors);
				Instant next = limited.retryAt() != null && limited.retryAt().isAfter(backoff)
						? limited.retryAt()
						: backoff;
				String message = "HTTP " + limited.status() + ": the publisher asks us to slow down; next poll " + next;
				log.warn("Feed {} ({}) rate limited: {}", feed.id(), url, message);
				this.metrics.error("rate-limited");
				yield new PollReport(state.failed(storedUrl, limited.status(), message, "rate-limited", errors, now,
						next, interval, false), PollOutcome.RATE_LIMITED, false);
			}
			case FetchResult.Gone gone -> {
				log.warn("Feed {} ({}) answered 410 Gone: disabled until an operator enables it again", feed.id(), url);
				this.metrics.error("gone");
				yield new PollReport(
						state.failed(storedUrl, 410, "HTTP 410 Gone: the publisher removed this feed; polling stopped",
								"gone", state.consecutiveErrors() + 1, now, null, interval, true),
						PollOutcome.GONE, true);
			}
			case FetchResult.Failed failed ->
				failed(feed, url, state.withUrl(storedUrl), now, failed.status(), failed.kind(), failed.message());
		};
	}

	private PollReport fetched(CatalogPublisher publisher, CatalogFeed feed, String url, @Nullable String storedUrl,
			FeedState state, Instant now, FetchResult.Fetched fetched, Duration interval, Executor parsing) {
		String bodyHash = sha256(fetched.body());
		if (bodyHash.equals(state.bodyHash())) {
			Instant next = this.policy.next(now, interval, fetched.maxAge(), feed.minInterval(), feed.maxInterval());
			return new PollReport(state.answered(storedUrl, fetched.etag(), fetched.lastModified(), bodyHash,
					fetched.status(), now, next, state.items(), interval), PollOutcome.UNCHANGED, false);
		}
		try {
			return CompletableFuture
					.supplyAsync(() -> parsed(publisher, feed, url, storedUrl, state, now, fetched, bodyHash), parsing)
					.join();
		} catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private PollReport parsed(CatalogPublisher publisher, CatalogFeed feed, String url, @Nullable String storedUrl,
			FeedState state, Instant now, FetchResult.Fetched fetched, String bodyHash) {
		long started = System.nanoTime();
		FeedContext context = new FeedContext(publisher.id(), publisher.name(), publisher.region(),
				publisher.language(), publisher.free(), feed.section(), url, now);
		// The items this node stored from the feed's last version are left out of the
		// parse (ItemMemory).
		ItemMemory.Parse read = this.memory.parseChanged(fetched.body(), fetched.contentType(), context, feed.id(),
				state.bodyHash(), bodyHash);
		ParsedFeed parsed;
		switch (read.outcome()) {
			case ParseOutcome.Parsed ok -> parsed = ok.feed();
			case ParseOutcome.NotAFeed notAFeed -> {
				return failed(feed, url, state.withUrl(storedUrl), now, fetched.status(), FailureKind.NOT_A_FEED,
						"not a feed: " + notAFeed.reason() + " (Content-Type " + fetched.contentType() + ")");
			}
			case ParseOutcome.Malformed malformed -> {
				return failed(feed, url, state.withUrl(storedUrl), now, fetched.status(), FailureKind.PARSE,
						"cannot parse the feed: " + malformed.reason());
			}
		}
		ItemMemory.Normalized normalized = Objects.requireNonNull(read.normalized());
		this.metrics.parsed(Duration.ofNanos(System.nanoTime() - started), normalized.items(), normalized.leftOut());
		Duration rhythm = this.policy.rhythm(normalized.published(), now);
		Duration floor = max(parsed.ttl(), fetched.maxAge());
		Instant next = this.policy.next(now, rhythm, floor, feed.minInterval(), feed.maxInterval());
		return new PollReport(
				state.answered(storedUrl, fetched.etag(), fetched.lastModified(), bodyHash, fetched.status(), now, next,
						normalized.items(), rhythm),
				PollOutcome.FETCHED, false, normalized.articles(), normalized.next());
	}

	private PollReport failed(CatalogFeed feed, String url, FeedState state, Instant now, int status, FailureKind kind,
			String message) {
		int errors = state.consecutiveErrors() + 1;
		Instant next = this.policy.backoff(now, errors);
		log.warn("Feed {} ({}) failed ({}, {} in a row): {}", feed.id(), url, kind.tag(), errors, message);
		this.metrics.error(kind.tag());
		return new PollReport(
				state.failed(state.url(), status, message, kind.tag(), errors, now, next, state.interval(), false),
				PollOutcome.FAILED, false);
	}

	private static @Nullable Duration max(@Nullable Duration a, @Nullable Duration b) {
		if (a == null) {
			return b;
		}
		return b == null || a.compareTo(b) >= 0 ? a : b;
	}

	static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		} catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
