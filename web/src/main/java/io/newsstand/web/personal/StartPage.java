package io.newsstand.web.personal;

import io.newsstand.aggregator.Publisher;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The onboarding page: publishers and sections to pick from.
 *
 * @param publishers
 *            the catalog's publishers
 * @param sections
 *            every section a publisher lists
 * @param next
 *            where "Skip for now" and an empty pick lead
 * @param error
 *            why the picks were refused, or null
 */
public record StartPage(List<Publisher> publishers, List<String> sections, String next, @Nullable String error) {

	/** An id for a section's checkbox (section names may hold spaces). */
	public String sectionId(String section) {
		return "pick-section-" + this.sections.indexOf(section);
	}

}
