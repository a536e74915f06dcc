package io.newsstand.aggregator;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A publisher of the catalog.
 *
 * @param id
 *            stable catalog id (lower case, digits and dashes)
 * @param name
 *            display name
 * @param homepage
 *            the publisher's home page
 * @param logo
 *            URL of a logo, if the catalog names one
 * @param region
 *            edition, upper case (AU, UK, US, ...)
 * @param language
 *            BCP 47 language tag of its articles
 * @param free
 *            whether its articles are free to read in full
 * @param sections
 *            the sections its feeds cover, in catalog order
 */
public record Publisher(String id, String name, String homepage, @Nullable String logo, String region, String language,
		boolean free, List<String> sections) {
}
