package io.newsstand.web.search;

import io.newsstand.aggregator.Publisher;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the search page shows: the form as the reader filled it, the results
 * (null before a search), and a message per refused field.
 */
public record SearchView(SearchRequest request, @Nullable SearchPage results, Map<String, String> errors,
		List<Publisher> publishers, List<String> sections) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
			.withZone(ZoneOffset.UTC);

	public String q() {
		return SearchRequest.text(this.request.q());
	}

	public String publisher() {
		return SearchRequest.text(this.request.publisher());
	}

	public String section() {
		return SearchRequest.text(this.request.section());
	}

	public String from() {
		return SearchRequest.text(this.request.from());
	}

	public String to() {
		return SearchRequest.text(this.request.to());
	}

	public @Nullable String error(String field) {
		return this.errors.get(field);
	}

	/** {@code aria-invalid} of a field: "true", or null (no attribute). */
	public @Nullable String invalid(String field) {
		return this.errors.containsKey(field) ? "true" : null;
	}

	/** {@code aria-describedby} of a field: its error's id, or null. */
	public @Nullable String describedBy(String field, String errorId) {
		return this.errors.containsKey(field) ? errorId : null;
	}

	public boolean searched() {
		return this.results != null;
	}

	public List<SearchItem> items() {
		return (this.results == null) ? List.of() : this.results.items();
	}

	public String title() {
		return q().isEmpty() ? "Search" : "Search: " + q();
	}

	public String summary() {
		if (this.results == null) {
			return "";
		}
		long total = this.results.totalHits();
		String count = (total == 1) ? "1 story" : (total >= 1000 ? "More than 1,000" : total) + " stories";
		return count + " found" + (this.results.page() > 1 ? ", page " + this.results.page() : "");
	}

	public static String day(Instant instant) {
		return DAY.format(instant);
	}

	public static String iso(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	public @Nullable String previousHref() {
		return (this.results == null || this.results.page() <= 1) ? null : href(this.results.page() - 1);
	}

	public @Nullable String nextHref() {
		return (this.results == null || !this.results.hasNext()) ? null : href(this.results.page() + 1);
	}

	private String href(int page) {
		StringBuilder href = new StringBuilder("/search?q=").append(encode(q()));
		append(href, "publisher", publisher());
		append(href, "section", section());
		append(href, "from", from());
		append(href, "to", to());
		append(href, "limit", SearchRequest.text(this.request.limit()));
		if (page > 1) {
			href.append("&page=").append(page);
		}
		return href.toString();
	}

	private static void append(StringBuilder href, String name, String value) {
		if (!value.isEmpty()) {
			href.append('&').append(name).append('=').append(encode(value));
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
