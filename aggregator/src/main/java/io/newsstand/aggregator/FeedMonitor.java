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

}
