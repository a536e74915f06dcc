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

}
