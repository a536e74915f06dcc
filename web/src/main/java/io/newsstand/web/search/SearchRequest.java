package io.newsstand.web.search;

import io.newsstand.aggregator.SearchQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A search as the reader sent it (every parameter as typed), checked into a
 * {@link SearchQuery} or into a message per refused parameter.
 *
 * @param q
 *            the words
 * @param publisher
 *            a publisher id, optional
 * @param section
 *            a section name, optional
 * @param from
 *            published on or after: a date ({@code 2026-03-01}, UTC) or an
 *            instant
 * @param to
 *            published on or before: a date (the whole day) or an instant
 * @param cursor
 *            the {@code nextCursor} of the previous page
 * @param page
 *            the page number, from 1 (instead of a cursor)
 * @param limit
 *            results per page, 1 to {@link #MAX_LIMIT}
 */
record SearchRequest(@Nullable String q, @Nullable String publisher, @Nullable String section, @Nullable String from,
		@Nullable String to, @Nullable String cursor, @Nullable String page, @Nullable String limit) {

	static final int MAX_QUERY = 200;

	static final int MAX_LIMIT = 50;

	static final int DEFAULT_LIMIT = 10;

	/** The outcome of checking a request. */
	sealed interface Checked permits Valid, Invalid {
	}

	/** A search to run; {@code query.bodyVisible} is still to be decided. */
	record Valid(SearchQuery query, int page) implements Checked {
	}

	/** Refused parameters, each with what to do instead. */
	record Invalid(Map<String, String> errors) implements Checked {
	}

	/** The search box is empty: the page shows its empty state. */
	boolean blank() {
		return text(this.q).isEmpty();
	}

	Checked check(Predicate<String> knownPublisher) {
		Map<String, String> errors = new LinkedHashMap<>();
		String text = text(this.q);
		if (text.isEmpty()) {
			errors.put("q", "Type a word or two to search for.");
		} else if (text.length() > MAX_QUERY) {
			errors.put("q", "A search can be at most " + MAX_QUERY + " characters long.");
		}
		String publisher = text(this.publisher);
		if (!publisher.isEmpty() && !knownPublisher.test(publisher)) {
			errors.put("publisher", "There is no publisher with this id.");
		}
		String section = text(this.section);
		if (section.length() > 100) {
			errors.put("section", "A section name can be at most 100 characters long.");
		}
		Instant from = null;
		Instant to = null;
		try {
			from = start(text(this.from));
		} catch (DateTimeParseException ex) {
			errors.put("from", "Use a date like 2026-03-01.");
		}
		try {
			to = end(text(this.to));
		} catch (DateTimeParseException ex) {
			errors.put("to", "Use a date like 2026-03-31.");
		}
		if (from != null && to != null && !from.isBefore(to)) {
			errors.put("to", "The end date is before the start date.");
		}
		int limit = number(this.limit, DEFAULT_LIMIT);
		if (limit < 1 || limit > MAX_LIMIT) {
			errors.put("limit", "Ask for 1 to " + MAX_LIMIT + " results per page.");
			limit = DEFAULT_LIMIT;
		}
		int offset = offset(limit, errors);
		if (offset >= 0 && (long) offset + limit > SearchQuery.MAX_DEPTH && !errors.containsKey("limit")) {
			errors.put(text(this.cursor).isEmpty() ? "page" : "cursor",
					"Results stop at " + SearchQuery.MAX_DEPTH + ": add words or filters to narrow the search.");
		}
		if (!errors.isEmpty()) {
			return new Invalid(errors);
		}
		SearchQuery query = new SearchQuery(text, publisher.isEmpty() ? Set.of() : Set.of(publisher),
				section.isEmpty() ? Set.of() : Set.of(section), from, to, false, offset, limit);
		return new Valid(query, offset / limit + 1);
	}

	/**
	 * Where the page starts, from the cursor or the page number; records a bad one
	 * in {@code errors} (the result is then 0 or negative).
	 */
	private int offset(int limit, Map<String, String> errors) {
		int offset = 0;
		if (!text(this.cursor).isEmpty() && !text(this.page).isEmpty()) {
			errors.put("cursor", "Send either cursor or page, not both.");
		} else if (!text(this.cursor).isEmpty()) {
			offset = decodeCursor(text(this.cursor));
			if (offset < 0) {
				errors.put("cursor",
						"Use the nextCursor of the previous page, or leave cursor out for the first page.");
			}
		} else {
			int page = number(this.page, 1);
			if (page < 1) {
				errors.put("page", "Pages are numbered from 1.");
			} else {
				offset = (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * limit);
			}
		}
		return offset;
	}

	static String cursor(int offset) {
		return Base64.getUrlEncoder().withoutPadding()
				.encodeToString(("s1:" + offset).getBytes(StandardCharsets.UTF_8));
	}

	private static int decodeCursor(String cursor) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			return raw.startsWith("s1:") ? Integer.parseInt(raw.substring(3)) : -1;
		} catch (IllegalArgumentException ex) {
			return -1;
		}
	}

	private static @Nullable Instant start(String value) {
		if (value.isEmpty()) {
			return null;
		}
		return value.length() == 10
				? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
				: Instant.parse(value);
	}

	/** Exclusive: a date means up to the end of that day. */
	private static @Nullable Instant end(String value) {
		if (value.isEmpty()) {
			return null;
		}
		return value.length() == 10
				? LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
				: Instant.parse(value).plusMillis(1);
	}

	/** A number as typed; {@code Integer.MIN_VALUE} when it is not one. */
	private static int number(@Nullable String value, int fallback) {
		String text = text(value);
		if (text.isEmpty()) {
			return fallback;
		}
		try {
			return Integer.parseInt(text);
		} catch (NumberFormatException ex) {
			return Integer.MIN_VALUE;
		}
	}

	static String text(@Nullable String value) {
		return (value == null) ? "" : value.strip();
	}

}
