package io.newsstand.web.frontpage;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An edition of the front page. It re-weights rather than filters: the
 * edition's own publishers rank higher, everyone else stays.
 */
public enum Edition {

	AU("AU", "Australia"), UK("UK", "United Kingdom"), US("US", "United States"), INTERNATIONAL("INT", "International");

	private final String code;

	private final String label;

	Edition(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** The code used in cookies, the profile, URLs and the API. */
	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	/** Whether a publisher of this region is one of the edition's own. */
	public boolean owns(String region) {
		return this != INTERNATIONAL && this.code.equalsIgnoreCase(region);
	}

	/**
	 * The edition of a code ({@code UK}, {@code int}, {@code international}),
	 * case-insensitive; empty for anything else.
	 */
	public static Optional<Edition> parse(@Nullable String code) {
		if (code == null) {
			return Optional.empty();
		}
		String upper = code.strip().toUpperCase(Locale.ROOT);
		for (Edition edition : values()) {
			if (edition.code.equals(upper) || edition.name().equals(upper)) {
				return Optional.of(edition);
			}
		}
		return Optional.empty();
	}

}
