package io.newsstand.web.articles;

/**
 * No article with that id (unknown, or removed by retention).
 */
class ArticleNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ArticleNotFoundException(String id) {
		super("No article with id " + (id.length() > 64 ? id.substring(0, 64) + "..." : id)
				+ ": it does not exist or was removed by retention.");
	}

}
