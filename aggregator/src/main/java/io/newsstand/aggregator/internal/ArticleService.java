package io.newsstand.aggregator.internal;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticlePage;
import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.FeedHealth;
import io.newsstand.aggregator.FeedMonitor;
import io.newsstand.aggregator.Publisher;
import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.Opml;
import io.newsstand.aggregator.internal.store.ArticleReads;
import io.newsstand.aggregator.internal.store.FeedState;
import io.newsstand.aggregator.internal.store.FeedStateStore;
import io.newsstand.aggregator.internal.store.PollLeases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's public services over the catalog and the Redis stores.
 */
final class ArticleService implements Articles, FeedMonitor {

	private static final Logger log = LoggerFactory.getLogger(ArticleService.class);

	private final Catalog catalog;

	private final List<Publisher> publishers;

	private final ArticleReads articles;

	private final FeedStateStore states;

	private final PollLeases schedule;

	ArticleService(Catalog catalog, ArticleReads articles, FeedStateStore states, PollLeases schedule) {
		this.catalog = catalog;
		this.publishers = catalog.toPublishers();
		this.articles = articles;
		this.states = states;
		this.schedule = schedule;
	}

	@Override
	public List<Publisher> publishers() {
		return this.publishers;
	}

	@Override
	public Optional<Publisher> publisher(String id) {
		return this.publishers.stream().filter(publisher -> publisher.id().equals(id)).findFirst();
	}

	@Override
	public ArticlePage latest(ArticleQuery query) {
		return this.articles.latest(query);
	}

	@Override
	public Optional<Article> article(String id) {
		return this.articles.find(id);
	}

	@Override
	public String catalogAsOpml() {
		return Opml.export(this.catalog);
	}

	@Override
	public String opmlToCatalogYaml(byte[] opml) {
		return Opml.toCatalogYaml(opml);
	}

	@Override
	public Reenabling reenable(String feedId) {
		if (this.catalog.feeds().stream().noneMatch(feed -> feed.id().equals(feedId))) {
			return Reenabling.UNKNOWN_FEED;
		}
		FeedState state = this.states.load(feedId);
		if (!state.disabled() && !this.schedule.isDisabled(feedId)) {
			return Reenabling.NOT_DISABLED;
		}
		// The state first: a poll that starts the moment the feed is due must not
		// carry the disabled flag forward. Status, error and counts stay as history
		// until that poll replaces them.
		this.states.save(state.enabled());
		this.schedule.enable(feedId);
		log.info("Feed {} enabled again by an operator; due for a poll now", feedId);
		return Reenabling.REENABLED;
	}

	@Override
	public List<FeedHealth> feeds() {
		List<CatalogFeed> feeds = this.catalog.feeds();
		List<FeedState> states = this.states.loadAll(feeds.stream().map(CatalogFeed::id).toList());
		List<FeedHealth> health = new ArrayList<>(feeds.size());
		for (int i = 0; i < feeds.size(); i++) {
			CatalogFeed feed = feeds.get(i);
			FeedState state = states.get(i);
			String status = state.disabled()
					? "disabled"
					: state.consecutiveErrors() > 0 ? "failing" : state.lastPoll() == null ? "new" : "ok";
			health.add(new FeedHealth(feed.id(), feed.publisherId(), feed.section(),
					state.url() != null ? state.url() : feed.url(), status, state.lastPoll(), state.lastStatus(),
					state.lastError(), state.consecutiveErrors(), state.lastSuccess(),
					state.disabled() ? null : this.schedule.nextPoll(feed.id()), state.items()));
		}
		return health;
	}

}
