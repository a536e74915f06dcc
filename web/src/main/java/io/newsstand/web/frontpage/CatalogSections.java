package io.newsstand.web.frontpage;

import io.newsstand.aggregator.Publisher;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's sections as readers meet them: one per name however the
 * publishers spell it, with the path segment (slug) the section pages use.
 */
public final class CatalogSections {

	private CatalogSections() {
	}

	/**
	 * A section of the catalog.
	 *
	 * @param name
	 *            as the catalog names it
	 * @param slug
	 *            its path segment
	 * @param publishers
	 *            how many publishers cover it
	 */
	public record SectionName(String name, String slug, int publishers) {
	}

	/**
	 * The catalog's sections, most publishers first (catalog order breaks ties);
	 * names that differ only in case or punctuation are one section.
	 */
	public static List<SectionName> of(List<Publisher> publishers) {
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, Integer> counts = new HashMap<>();
		for (Publisher publisher : publishers) {
			for (String section : publisher.sections()) {
				String slug = slug(section);
				if (slug.isEmpty()) {
					continue;
				}
				names.putIfAbsent(slug, section);
				counts.merge(slug, 1, Integer::sum);
			}
		}
		return names.entrySet().stream()
				.map(entry -> new SectionName(entry.getValue(), entry.getKey(), counts.get(entry.getKey())))
				.sorted(Comparator.comparingInt(SectionName::publishers).reversed()).toList();
	}

	/** The aggregator's section key: lower case, other characters to dashes. */
	public static String slug(String section) {
		String slug = section.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
		return slug.replaceAll("^-+|-+$", "");
	}

	/** The section of a slug, if the catalog has it. */
	public static Optional<SectionName> section(List<Publisher> publishers, String slug) {
		return of(publishers).stream().filter(section -> section.slug().equals(slug)).findFirst();
	}

}
