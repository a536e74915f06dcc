package io.newsstand.aggregator;

import java.util.List;

/**
 * Feed health for operators.
 */
public interface FeedMonitor {

	/**
	 * The health of every feed of the catalog, in catalog order.
	 *
	 * @return one entry per feed
	 */
	List<FeedHealth> feeds();

	/**
	 * The catalog's publishers and feeds as OPML 2.0.
	 *
	 * @return the OPML document
	 */
	String catalogAsOpml();

	/**
	 * Turns an OPML subscription list into catalog YAML for an operator to review
	 * (nothing is stored).
	 *
	 * @param opml
	 *            the OPML document
	 * @return catalog YAML (docs/catalog.md)
	 * @throws IllegalArgumentException
	 *             when the OPML cannot be read or has no feed
	 */
	String opmlToCatalogYaml(byte[] opml);

	/**
	 * Puts a feed that was disabled (the publisher answered 410 Gone) back on the
	 * poll schedule, due now, with its disabled state cleared. Operator action.
	 *
	 * @param feedId
	 *            the feed's id, as in {@link FeedHealth#feedId()}
	 * @return what happened
	 */
	Reenabling reenable(String feedId);

	/** The outcome of {@link #reenable(String)}. */
	enum Reenabling {

		/** The feed was disabled; it is enabled again and due for a poll now. */
		REENABLED,

		/** The feed was not disabled; nothing changed. */
		NOT_DISABLED,

		/** No feed of the catalog has this id. */
		UNKNOWN_FEED

	}

}
