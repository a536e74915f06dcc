package io.newsstand.aggregator;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A reader's search. The text is taken as typed words and "quoted phrases"; any
 * other query syntax is read as plain text.
 *
 * @param text
 *            what the reader typed
 * @param publishers
 *            only these publishers (empty: all)
 * @param sections
 *            only these sections, case-insensitive (empty: all)
 * @param from
 *            published at or after, if set
 * @param to
 *            published before, if set
 * @param bodyVisible
 *            whether this reader may see article bodies (the paywall decides,
 *            in web): when false, the words match only title, author, summary
 *            and teaser, and snippets come only from these, so neither the hits
 *            nor their count depend on body text
 * @param offset
 *            hits to skip (paging)
 * @param limit
 *            hits to return, 1 to 100
 */
public record SearchQuery(String text, Set<String> publishers, Set<String> sections, @Nullable Instant from,
		@Nullable Instant to, boolean bodyVisible, int offset, int limit) {

	/** The deepest page a search may reach. */
	public static final int MAX_DEPTH = 1000;

	public SearchQuery {
		Objects.requireNonNull(text, "text");
		publishers = Set.copyOf(publishers);
		sections = Set.copyOf(sections);
		if (limit < 1 || limit > 100) {
			throw new IllegalArgumentException("limit must be between 1 and 100");
		}
		if (offset < 0 || offset + limit > MAX_DEPTH) {
			throw new IllegalArgumentException("offset must be between 0 and " + (MAX_DEPTH - limit));
		}
	}

	/**
	 * The first page of a search over everything, for a reader who may not see
	 * bodies.
	 */
	public static SearchQuery of(String text) {
		return new SearchQuery(text, Set.of(), Set.of(), null, null, false, 0, 10);
	}

	public SearchQuery withBodyVisible(boolean visible) {
		return new SearchQuery(this.text, this.publishers, this.sections, this.from, this.to, visible, this.offset,
				this.limit);
	}

	public SearchQuery withPublishers(Set<String> publishers) {
		return new SearchQuery(this.text, publishers, this.sections, this.from, this.to, this.bodyVisible, this.offset,
				this.limit);
	}

	public SearchQuery withSections(Set<String> sections) {
		return new SearchQuery(this.text, this.publishers, sections, this.from, this.to, this.bodyVisible, this.offset,
				this.limit);
	}

	public SearchQuery between(@Nullable Instant from, @Nullable Instant to) {
		return new SearchQuery(this.text, this.publishers, this.sections, from, to, this.bodyVisible, this.offset,
				this.limit);
	}

	public SearchQuery page(int offset, int limit) {
		return new SearchQuery(this.text, this.publishers, this.sections, this.from, this.to, this.bodyVisible, offset,
				limit);
	}

}
