package io.newsstand.aggregator.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sentences of the demo articles' bodies, per section, and their picture
 * captions. Arguments: 1 subject, 2 town, 3 person, 4 a number, 5 an
 * organisation (each used in any order). An article draws its sentences without
 * replacement, so no sentence, and so no paragraph, comes twice.
 */
final class DemoSentences {

	private DemoSentences() {
	}

	private static final Map<String, List<String>> SECTION = Map.of("world",
			List.of("Delegates from %2$s spent most of the week on the %1$s, and talks ran late into the night.",
					"%3$s said the %1$s would be put to a vote before the end of the month.",
					"Under the draft, %2$s would receive %4$d million over five years.",
					"The %5$s, which has followed the %1$s from the start, called the draft \"a careful first step\".",
					"Neighbouring councils are watching closely; several have asked to join the %1$s at a later stage.",
					"Officials in %2$s said ferry and road links would stay open throughout.",
					"Observers noted that the last attempt at a %1$s collapsed over funding.",
					"Copies of the draft were handed out at the town hall in %2$s on Wednesday morning."),
			"business",
			List.of("Shares in companies linked to the %1$s rose in early trading.",
					"The %5$s estimates the %1$s could add %4$d jobs in %2$s over three years.",
					"%3$s told investors the figures were \"better than we dared to plan for\".",
					"Analysts cautioned that costs could rise if supply prices stay high.",
					"Small firms in %2$s said they hoped to win a share of the work.",
					"The deal is expected to close before the end of the quarter, subject to approval.",
					"Lenders have agreed terms on %4$d million of the financing, according to people familiar with the matter.",
					"Trading volumes were about twice the daily average by the close."),
			"sport",
			List.of("A crowd of several thousand is expected in %2$s for the %1$s.",
					"%3$s, who has trained in %2$s since childhood, called it \"the week we have worked for\".",
					"The %5$s confirmed that every ticket for the %1$s had been sold.",
					"Coaches spent the morning on set pieces and the afternoon watching footage.",
					"Injury doubts hang over two regulars, though both trained on Thursday.",
					"Local clubs in %2$s report a rise in junior sign-ups since the season began.",
					"The forecast is for light wind and dry weather, which should suit the visitors.",
					"Last year's meeting ended level after a late equaliser."),
			"culture",
			List.of("The %1$s opens to the public on Saturday, with free entry for residents of %2$s.",
					"%3$s, who curated the programme, said it was built around \"work people can argue about\".",
					"The %5$s contributed %4$d thousand towards the costs.",
					"Volunteers spent the summer cataloguing letters, posters and photographs.",
					"Critics who saw a preview praised the lighting and the pace.",
					"Late openings on Thursdays are planned for the first month.",
					"Schools in %2$s have booked morning visits for the whole of next term.",
					"The building last opened its doors to the public more than a decade ago."),
			"science",
			List.of("The %1$s gathered data from %4$d sites around %2$s over two seasons.",
					"%3$s, who led the work, said the results were \"surprising, but repeatable\".",
					"The team plans to publish its full data set so other groups can check the findings.",
					"Funding from the %5$s covers the next phase, which begins in spring.",
					"Students from schools in %2$s helped collect samples.",
					"Independent researchers called the method sound but said larger samples were needed.",
					"Instruments will stay in place through the winter to record any change.",
					"A summary for the public will be posted at the library in %2$s."),
			"technology",
			List.of("The %1$s will first be offered to %4$d households and businesses in %2$s.",
					"%3$s said the system had been tested for months before launch.",
					"Engineers from the %5$s worked on the design alongside local volunteers.",
					"Privacy campaigners welcomed the decision to publish the source code.",
					"A public dashboard will show progress week by week.",
					"The pilot will be reviewed after six months, with results shared openly.",
					"Older equipment will be collected and recycled rather than sent to landfill.",
					"Support staff in %2$s will answer questions by phone during the first weeks."));

	private static final List<String> GENERAL = List.of(
			"A spokesperson for the %5$s said more details would follow next week.",
			"Residents of %2$s can comment on the plans until the end of the month.",
			"Not everyone is convinced: a petition against the plan has gathered %4$d signatures.",
			"%3$s is due to answer questions at a public meeting on Monday evening.",
			"The figures have not been independently checked.",
			"A full timetable is expected to be published in the coming weeks.");

	private static final List<String> QUOTES = List.of(
			"\"We have listened carefully, and we will keep listening,\" %3$s said.",
			"\"Nobody expected it to move this fast,\" said a shop owner in %2$s.",
			"\"The details matter more than the headline,\" said an adviser to the %5$s.",
			"\"This is what %2$s has been asking for,\" %3$s said.");

	private static final Map<String, String> CAPTIONS = Map.of("world",
			"Boats in the harbour at %2$s, where talks on the %1$s are being held.", "business",
			"Office towers in %2$s, home to several firms linked to the %1$s.", "sport",
			"The pitch in %2$s ahead of the %1$s.", "culture", "The stage in %2$s before the %1$s.", "science",
			"The night sky over %2$s, where the %1$s is based.", "technology",
			"A circuit board of the kind used in the %1$s.");

	/**
	 * Paragraphs of two or three sentences each, every sentence used at most once;
	 * the second paragraph is followed by a quote.
	 */
	static List<String> paragraphs(String slug, SplittableRandom random, Object[] facts, int count) {
		List<String> pool = new ArrayList<>(SECTION.getOrDefault(slug, SECTION.get("world")));
		pool.addAll(GENERAL);
		List<String> paragraphs = new ArrayList<>();
		for (int p = 0; p < count && pool.size() >= 2; p++) {
			StringBuilder paragraph = new StringBuilder();
			int sentences = Math.min(pool.size(), 2 + random.nextInt(2));
			for (int s = 0; s < sentences; s++) {
				String template = pool.remove(random.nextInt(pool.size()));
				paragraph.append(s == 0 ? "" : " ").append(capitalised(String.format(template, facts)));
			}
			paragraphs.add(paragraph.toString());
		}
		return paragraphs;
	}

	static String quote(SplittableRandom random, Object[] facts) {
		return String.format(QUOTES.get(random.nextInt(QUOTES.size())), facts);
	}

	static String caption(String slug, Object[] facts) {
		return capitalised(String.format(CAPTIONS.getOrDefault(slug, CAPTIONS.get("world")), facts))
				+ " (sample image)";
	}

	/** Sentence case: the first letter upper case, the rest as written. */
	static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
