package io.newsstand.web.frontpage;

import io.newsstand.aggregator.ArticleSummary;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The front page of one edition, as computed: teasers only, never a body.
 *
 * @param edition
 *            the edition
 * @param top
 *            "Top stories right now": one entry per story cluster
 * @param picks
 *            "Our Picks", in the editors' order
 * @param latest
 *            the latest stories
 * @param sections
 *            a few stories per section
 * @param computedAt
 *            when these lists were computed
 */
public record HomeLists(Edition edition, List<TopStory> top, List<ArticleSummary> picks, List<ArticleSummary> latest,
		List<SectionStories> sections, Instant computedAt) {

	/**
	 * These lists without the stories of publishers a reader muted (the lists are
	 * computed once for everyone; a reader's mutes apply as they are shown).
	 */
	public HomeLists without(Set<String> mutedPublishers) {
		if (mutedPublishers.isEmpty()) {
			return this;
		}
		return new HomeLists(this.edition,
				this.top.stream().filter(top -> !mutedPublishers.contains(top.story().publisherId())).toList(),
				shown(this.picks, mutedPublishers), shown(this.latest, mutedPublishers),
				this.sections.stream().map(section -> new SectionStories(section.name(), section.slug(),
						shown(section.stories(), mutedPublishers))).toList(),
				this.computedAt);
	}

	private static List<ArticleSummary> shown(List<ArticleSummary> stories, Set<String> mutedPublishers) {
		return stories.stream().filter(story -> !mutedPublishers.contains(story.publisherId())).toList();
	}

	/**
	 * One story of the top list.
	 *
	 * @param story
	 *            the article shown (the best-ranked version of the story)
	 * @param sources
	 *            how many publishers tell the story (1 when it stands alone)
	 */
	public record TopStory(ArticleSummary story, int sources) {
	}

	/**
	 * A section's stories on the front page.
	 *
	 * @param name
	 *            as the catalog names it
	 * @param slug
	 *            its path segment ({@code /sections/<slug>})
	 * @param stories
	 *            the first few, edition-weighted
	 */
	public record SectionStories(String name, String slug, List<ArticleSummary> stories) {
	}

}
