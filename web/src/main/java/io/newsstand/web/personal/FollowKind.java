package io.newsstand.web.personal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What a reader can follow. */
public enum FollowKind {

	/** A publisher of the catalog, by id; the only kind that can also be muted. */
	PUBLISHER,

	/** A section name, as the catalog's publishers list it (case-insensitive). */
	SECTION,

	/** An article category, normalised by {@link Topics#normalise}. */
	TOPIC;

	/**
	 * The name in URLs, forms and JSON: {@code publisher}, {@code section},
	 * {@code topic}.
	 */
	@JsonValue
	public String slug() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<FollowKind> parse(String slug) {
		for (FollowKind kind : values()) {
			if (kind.slug().equals(slug)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
