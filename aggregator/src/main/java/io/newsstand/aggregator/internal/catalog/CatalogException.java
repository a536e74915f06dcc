package io.newsstand.aggregator.internal.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A catalog that cannot be used; the message names the file, the publisher and
 * the field at fault.
 */
class CatalogException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	CatalogException(String source, @Nullable String publisherId, @Nullable String field, String problem) {
		super("Catalog " + source + (publisherId == null ? "" : ", publisher '" + publisherId + "'")
				+ (field == null ? "" : ", field '" + field + "'") + ": " + problem);
	}

	CatalogException(String source, String problem, Throwable cause) {
		super("Catalog " + source + ": " + problem, cause);
	}

}
