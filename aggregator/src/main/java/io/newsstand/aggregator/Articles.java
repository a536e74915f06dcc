package io.newsstand.aggregator;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the catalog's publishers and the stored articles. Articles
 * appear here only once fully written.
 */
public interface Articles {

	/**
	 * The publishers of the catalog, in catalog order.
	 *
	 * @return every publisher
	 */
	List<Publisher> publishers();

	/**
	 * One publisher.
	 *
	 * @param id
	 *            catalog id
	 * @return the publisher, or empty if the catalog has none with that id
	 */
	Optional<Publisher> publisher(String id);

	/**
	 * The latest articles, newest first, one page at a time.
	 *
	 * @param query
	 *            filters, cursor and page size
	 * @return the page
	 * @throws InvalidCursorException
	 *             when the cursor was not made by this service
	 */
	ArticlePage latest(ArticleQuery query);

	/**
	 * One article with its body.
	 *
	 * @param id
	 *            article id
	 * @return the article, or empty when unknown or removed by retention
	 */
	Optional<Article> article(String id);

}
