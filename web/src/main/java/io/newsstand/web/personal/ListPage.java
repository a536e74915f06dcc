package io.newsstand.web.personal;

import java.util.List;

/**
 * One page of saved articles or history.
 *
 * @param items
 *            this page's articles
 * @param page
 *            1-based page number
 * @param total
 *            entries in all pages (including any whose article is gone)
 * @param pageSize
 *            entries per page
 */
public record ListPage(List<Listed> items, int page, long total, int pageSize) {

	public boolean hasNext() {
		return (long) this.page * this.pageSize < this.total;
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

}
