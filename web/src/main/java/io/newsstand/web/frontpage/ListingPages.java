package io.newsstand.web.frontpage;

import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Publisher;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the publisher and section pages show. */
public final class ListingPages {

	private ListingPages() {
	}

	/**
	 * A publisher's page.
	 *
	 * @param publisher
	 *            the publisher
	 * @param items
	 *            one page of its latest articles
	 * @param nextHref
	 *            the next page, or null on the last
	 * @param firstPage
	 *            whether this is the first page
	 */
	public record PublisherPage(Publisher publisher, List<ArticleSummary> items, @Nullable String nextHref,
			boolean firstPage) {

		public List<String> sectionSlugs() {
			return this.publisher.sections().stream().map(CatalogSections::slug).toList();
		}

	}

	/**
	 * A section's page.
	 *
	 * @param section
	 *            the section
	 * @param edition
	 *            the reader's edition
	 * @param fromEdition
	 *            the newest of the edition's own publishers (first page only, not
	 *            for International)
	 * @param items
	 *            one page of the section's latest articles, every publisher
	 * @param nextHref
	 *            the next page, or null on the last
	 * @param firstPage
	 *            whether this is the first page
	 */
	public record SectionPage(CatalogSections.SectionName section, Edition edition, List<ArticleSummary> fromEdition,
			List<ArticleSummary> items, @Nullable String nextHref, boolean firstPage) {
	}

}
