package io.newsstand.aggregator.internal.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Word banks of the synthetic demo articles. Every name and place is invented.
 */
final class DemoText {

	/** The slugs of the demo's sections, as in the catalog's feed URLs. */
	static final List<String> SECTIONS = List.of("world", "business", "sport", "culture", "science", "technology");

	static final List<String> AUTHORS = List.of("Amara Quill", "Tobias Wren", "Priya Lantern", "Jonah Birchall",
			"Sofia Marchetti", "Callum Reyes", "Hana Okafor", "Felix Arden", "Noor Haddad", "Elsie Trent");

	private static final List<String> WORLD = List.of("harbour treaty", "border talks", "river accord", "island summit",
			"relief convoy", "election recount");

	private static final List<String> BUSINESS = List.of("quarterly results", "rail freight deal",
			"bakery chain merger", "interest rate decision", "wool exports", "startup funding round");

	private static final List<String> SPORT = List.of("cup final", "rowing regatta", "cricket tour", "netball derby",
			"marathon entry list", "transfer window");

	private static final List<String> CULTURE = List.of("gallery reopening", "folk festival", "theatre season",
			"film premiere", "library restoration", "poetry prize");

	private static final List<String> SCIENCE = List.of("comet survey", "seed bank study", "tidal energy trial",
			"bird migration count", "telescope upgrade", "soil carbon project");

	private static final List<String> TECHNOLOGY = List.of("battery recycling plant", "open data portal",
			"chip design lab", "rural broadband rollout", "robotics contest", "privacy update");

	static final List<String> FIRST_STEMS = List.of("Al", "Bri", "Cor", "Del", "Em", "Fa", "Gil", "Har", "Is", "Jo",
			"Ka", "Le", "Mi", "No", "Or", "Pe");

	static final List<String> FIRST_ENDINGS = List.of("ra", "en", "ia", "o", "an", "is", "et", "wyn");

	/**
	 * Syllables of invented surnames and town names: names and places count twice
	 * in story clustering, so they come from a few hundred combinations rather than
	 * a dozen.
	 */
	static final List<String> NAME_STEMS = List.of("Bran", "Stead", "Holl", "Penn", "Ambr", "Call", "Thorn", "Marw",
			"Quarr", "Fenw", "Oster", "Lind", "Ash", "Crow", "Dunm", "Elsw");

	static final List<String> SURNAME_ENDINGS = List.of("ock", "well", "oway", "ick", "ell", "ington", "combe", "ood",
			"ie", "right", "haus", "qvist");

	static final List<String> TOWN_ENDINGS = List.of("ford", "mouth", "bury", "holm", "stead", "wick", "ley", "thorpe",
			"haven", "more", "by", "field");

	/**
	 * Headlines; arguments: subject, place, person, amount (used in any order).
	 * Every story names its own facts, so that two unrelated stories share little
	 * more than a few template words, and two publishers' versions of one story
	 * share all of their facts.
	 */
	static final List<String> HEADLINES = List.of("%2$s approves %4$d million %1$s after vote led by %3$s",
			"%3$s wins backing for %4$d million %1$s in %2$s", "%2$s %1$s: %3$s secures %4$d million",
			"%4$d million %1$s for %2$s gets green light, %3$s says", "%3$s defends %1$s as %2$s counts the cost",
			"Why %3$s bet %4$d million on the %1$s in %2$s", "%1$s in %2$s stalls; %3$s blames %4$d objections",
			"%3$s unveils %1$s plan for %2$s", "%2$s waits on %1$s as %3$s asks for %4$d more days",
			"Inside the %1$s that %3$s says will remake %2$s");

	/** Leads, arguments as for headlines. */
	static final List<String> LEADS = List.of("%3$s confirmed that the %4$d million %1$s in %2$s will go ahead.",
			"Work on the %1$s in %2$s starts in spring, %3$s said, at a cost of %4$d million.",
			"%3$s told reporters in %2$s the %1$s had cleared %4$d of its hurdles.",
			"In %2$s, %3$s set out a timetable of %4$d weeks for the %1$s.",
			"Critics in %2$s say the %1$s is %4$d days late; %3$s disagrees.",
			"%3$s put the bill for the %1$s in %2$s at %4$d million.",
			"Nobody in %2$s expected %3$s to stake %4$d million on the %1$s.",
			"A crowd of %4$d turned out in %2$s to question %3$s about the %1$s.",
			"Plans for the %1$s were redrawn %4$d times before %3$s brought them to %2$s.",
			"%3$s wants the %1$s finished before %2$s marks its %4$dth anniversary.");

	/** Second sentences of leads; argument: an invented organisation. */
	static final List<String> BACKERS = List.of("The %s has backed it.", "The %s objected.", "The %s wants a say.",
			"The %s is paying for part of it.", "The %s called for a pause.", "The %s welcomed the news.");

	static final List<String> BODIES = List.of("Trust", "Guild", "Society", "Foundation", "Cooperative", "Association",
			"Institute", "Collective");

	static String organisation(SplittableRandom random) {
		return NAME_STEMS.get(random.nextInt(NAME_STEMS.size())) + "ern " + BODIES.get(random.nextInt(BODIES.size()));
	}

	static String person(SplittableRandom random) {
		return FIRST_STEMS.get(random.nextInt(FIRST_STEMS.size()))
				+ FIRST_ENDINGS.get(random.nextInt(FIRST_ENDINGS.size())) + " "
				+ NAME_STEMS.get(random.nextInt(NAME_STEMS.size()))
				+ SURNAME_ENDINGS.get(random.nextInt(SURNAME_ENDINGS.size()));
	}

	static String town(SplittableRandom random) {
		return NAME_STEMS.get(random.nextInt(NAME_STEMS.size()))
				+ TOWN_ENDINGS.get(random.nextInt(TOWN_ENDINGS.size()));
	}

	private DemoText() {
	}

	static List<String> subjects(String section) {
		return switch (section) {
			case "World" -> WORLD;
			case "Business" -> BUSINESS;
			case "Sport" -> SPORT;
			case "Culture" -> CULTURE;
			case "Science" -> SCIENCE;
			case "Technology" -> TECHNOLOGY;
			default -> WORLD;
		};
	}

}
