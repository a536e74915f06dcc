package io.newsstand.aggregator.internal.poll;

import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.FeedContext;
import io.newsstand.aggregator.internal.parse.FeedItems;
import io.newsstand.aggregator.internal.parse.FeedParser;
import io.newsstand.aggregator.internal.parse.FeedParser.PartialParse;
import io.newsstand.aggregator.internal.parse.NormalizedArticle;
import io.newsstand.aggregator.internal.parse.ParseOutcome;
import io.newsstand.aggregator.internal.parse.ParsedFeed;
import io.newsstand.aggregator.internal.parse.ParsedItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What this node knows of each feed's items as it last stored them, so that the
 * next changed version of the feed parses only the items that changed (see
 * {@link FeedItems}). An item is left out only when its text, and the document
 * around it, are exactly as they were; the memory of a feed is used only when
 * the feed's stored state still names the body it was built from (no other node
 * stored a newer version meanwhile, no failed store since), and it is replaced
 * only after the new state is saved. Anything else parses the whole document,
 * as without a memory. Kept in this node's heap: a few hundred bytes per item,
 * feeds of at most {@link #MAX_ITEMS} items, gone at restart.
 */
final class ItemMemory {

	/**
	 * Feeds with more items are not remembered: a hostile or broken feed could fill
	 * the heap with hundreds of thousands of tiny items (news feeds carry tens).
	 */
	static final int MAX_ITEMS = 1000;

	/**
	 * An item as it was stored.
	 *
	 * @param guidRepeated
	 *            whether the document repeated its guid (part of its identity)
	 * @param published
	 *            its date as the feed gave it; {@code null} when undated
	 */
	record Item(@Nullable String guid, boolean guidRepeated, String articleId, @Nullable String canonicalUrl,
			@Nullable Instant published) {
	}

	/** A feed's items by digest, for the body with the given hash. */
	record Feed(String bodyHash, String shell, Map<String, Item> items) {
	}

	/**
	 * The articles of a parsed document to store, and what is known of all of its
	 * items.
	 *
	 * @param articles
	 *            the parsed items' articles, less those that repeat an earlier
	 *            item's identity or URL (the first wins, as in the article store)
	 * @param published
	 *            the dates of every dated item of the document, left out or not
	 * @param items
	 *            how many items the document has
	 * @param leftOut
	 *            how many of them were left out of the parse
	 * @param next
	 *            the memory to keep once the poll's state is saved, or {@code null}
	 */
	record Normalized(List<NormalizedArticle> articles, List<Instant> published, int items, int leftOut,
			@Nullable Feed next) {
	}

	/**
	 * What parsing a changed body gave.
	 *
	 * @param outcome
	 *            a named failure, or the parsed feed (without the items left out)
	 * @param normalized
	 *            its articles and items when it parsed, else {@code null}
	 */
	record Parse(ParseOutcome outcome, @Nullable Normalized normalized) {
	}

	private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

	private final FeedParser parser;

	private final ArticleNormalizer normalizer;

	ItemMemory(FeedParser parser, ArticleNormalizer normalizer) {
		this.parser = parser;
		this.normalizer = normalizer;
	}

	/**
	 * Parses and normalises a changed body, leaving out the items this node stored
	 * from the body the stored state names; once more without them if that cannot
	 * be done (a left-out item would get another identity).
	 *
	 * @param storedBodyHash
	 *            the body hash of the feed's stored state
	 * @param bodyHash
	 *            the hash of this body, for the memory it builds
	 */
	Parse parseChanged(byte[] body, @Nullable String contentType, FeedContext context, String feedId,
			@Nullable String storedBodyHash, String bodyHash) {
		Feed known = usable(feedId, storedBodyHash);
		while (true) {
			PartialParse partial = this.parser.parseNew(body, contentType, known == null ? null : known.shell(),
					known == null ? digest -> false : known.items()::containsKey);
			if (!(partial.outcome() instanceof ParseOutcome.Parsed parsed)) {
				return new Parse(partial.outcome(), null);
			}
			Normalized normalized = normalize(partial, parsed.feed(), context, known, bodyHash);
			if (normalized != null) {
				return new Parse(parsed, normalized);
			}
			known = null; // never null without a memory: the second round ends
		}
	}

	/**
	 * The memory of a feed, if it was built from the body the stored state names.
	 */
	@Nullable
	Feed usable(String feedId, @Nullable String storedBodyHash) {
		Feed feed = this.feeds.get(feedId);
		return feed != null && feed.bodyHash().equals(storedBodyHash) ? feed : null;
	}

	/** Keeps what a poll learned, once its state is saved. */
	void remember(String feedId, @Nullable Feed feed) {
		if (feed != null) {
			this.feeds.put(feedId, feed);
		}
	}

	/**
	 * Normalises the parsed items and puts them together with the remembered ones.
	 *
	 * @param known
	 *            the memory the parse left items out by, or {@code null}
	 * @return {@code null} when a left-out item would now get another identity (a
	 *         guid that became repeated or unique): parse the whole document
	 */
	private @Nullable Normalized normalize(PartialParse partial, ParsedFeed parsed, FeedContext context,
			@Nullable Feed known, String bodyHash) {
		FeedItems items = partial.items();
		BitSet leftOut = partial.leftOut();
		List<Item> leftOutItems = new ArrayList<>(leftOut.cardinality());
		List<String> leftOutGuids = new ArrayList<>();
		for (int i = leftOut.nextSetBit(0); i >= 0; i = leftOut.nextSetBit(i + 1)) {
			Item item = known == null || items == null ? null : known.items().get(items.digests().get(i));
			if (item == null) {
				throw new IllegalStateException("an item was left out that is not remembered");
			}
			leftOutItems.add(item);
			if (item.guid() != null) {
				leftOutGuids.add(item.guid());
			}
		}
		Map<String, Integer> guidCounts = ArticleNormalizer.guidCounts(parsed, leftOutGuids);
		for (Item item : leftOutItems) {
			if (item.guid() != null && guidCounts.get(item.guid()) > 1 != item.guidRepeated()) {
				return null;
			}
		}
		List<NormalizedArticle> fresh = this.normalizer.normalize(parsed, context, guidCounts);
		int size = items == null ? fresh.size() : items.size();
		Map<String, Item> next = new HashMap<>();
		Set<String> ids = new HashSet<>();
		Set<String> urls = new HashSet<>();
		List<NormalizedArticle> articles = new ArrayList<>(fresh.size());
		List<Instant> published = new ArrayList<>(size);
		int f = 0;
		int l = 0;
		for (int i = 0; i < size; i++) {
			Item item;
			NormalizedArticle article = null;
			if (leftOut.get(i)) {
				item = leftOutItems.get(l++);
			} else {
				article = fresh.get(f);
				ParsedItem parsedItem = parsed.items().get(f++);
				item = new Item(parsedItem.guid(), parsedItem.guid() != null && guidCounts.get(parsedItem.guid()) > 1,
						article.article().id(), article.canonicalUrl(),
						parsedItem.published() != null ? parsedItem.published() : parsedItem.updated());
			}
			if (items != null) {
				next.put(items.digests().get(i), item);
			}
			if (item.published() != null) {
				// As the normaliser does: a date in the future counts as now.
				published.add(item.published().isAfter(context.now()) ? context.now() : item.published());
			}
			boolean first = (item.canonicalUrl() == null || urls.add(item.canonicalUrl())) && ids.add(item.articleId());
			if (article != null && first) {
				articles.add(article);
			}
		}
		return new Normalized(articles, published, size, leftOutItems.size(),
				items == null || size > MAX_ITEMS ? null : new Feed(bodyHash, items.shell(), Map.copyOf(next)));
	}

}
