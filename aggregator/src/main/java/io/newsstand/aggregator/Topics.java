package io.newsstand.aggregator;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Topics are article categories as feeds give them ("Economy ", "economy",
 * "ECONOMY"), compared in one normal form: NFKC, trimmed, inner whitespace
 * collapsed, lower case. The article store indexes articles by these topics and
 * the web follows them, so both use this one normal form.
 */
public final class Topics {

	/** The longest topic (and section) name accepted. */
	public static final int MAX_LENGTH = 60;

	private Topics() {
	}

	/**
	 * The normal form, or empty when the text is blank, too long, holds control
	 * characters or has no letter or digit.
	 */
	public static Optional<String> normalise(String raw) {
		String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
				.toLowerCase(Locale.ROOT);
		if (text.isEmpty() || text.length() > MAX_LENGTH || text.chars().anyMatch(Character::isISOControl)
				|| text.chars().noneMatch(Character::isLetterOrDigit)) {
			return Optional.empty();
		}
		return Optional.of(text);
	}

	/** The article's categories in normal form, without duplicates. */
	public static List<String> of(List<String> categories) {
		Set<String> topics = new LinkedHashSet<>();
		for (String category : categories) {
			normalise(category).ifPresent(topics::add);
		}
		return List.copyOf(topics);
	}

}
