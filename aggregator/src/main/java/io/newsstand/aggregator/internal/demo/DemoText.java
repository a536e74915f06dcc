package io.newsstand.aggregator.internal.demo;

import java.util.List;

/**
 * Word banks of the synthetic demo articles. Every name and place is invented.
 */
final class DemoText {

	static final List<String> PLACES = List.of("Port Amberley", "Kestrel Bay", "Northmoor", "Lake Varden",
			"East Halloway", "Greystone", "Marlow Heights", "Fenwick", "Old Carrow", "Silverdale", "Brackenridge",
			"Westerlea");

	static final List<String> AUTHORS = List.of("Amara Quill", "Tobias Wren", "Priya Lantern", "Jonah Birchall",
			"Sofia Marchetti", "Callum Reyes", "Hana Okafor", "Felix Arden", "Noor Haddad", "Elsie Trent");

	static final List<String> HEADLINES = List.of("%s takes centre stage in %s", "What the %s means for %s",
			"%s: a week of surprises in %s", "Inside the %s reshaping %s", "%s sparks debate across %s",
			"Five things to know about the %s in %s");

	static final List<String> SENTENCES = List.of(
			"Officials said the %s would be reviewed before the end of the month.",
			"Residents gathered on Tuesday to hear plans for the %s.",
			"Analysts expect the %s to shape the coming season.",
			"The %s drew more attention than organisers had predicted.",
			"Critics argued the %s had been rushed, while supporters called it overdue.",
			"Early figures suggest the %s is ahead of schedule.",
			"A spokesperson declined to say how the %s would be funded.",
			"Several groups have asked for more time to respond to the %s.");

	static final List<String> QUOTES = List.of(
			"\"We have listened carefully, and we will keep listening,\" one organiser said.",
			"\"Nobody expected it to move this fast,\" said a local shop owner.",
			"\"The details matter more than the headline,\" an analyst noted.");

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

	/** Invented people who lead the stories several publishers tell. */
	static final List<String> PEOPLE = List.of("Mayor Ilse Brannock", "Councillor Oren Steadwell",
			"Chair Marguerite Holloway", "Coach Dario Pennick", "Director Yusuf Ambrell", "Minister Thea Calloway",
			"Captain Rowan Idris", "Professor Linnea Vasquez");

	/**
	 * Headlines of a story several publishers tell: subject, place, person, amount
	 * (in that order of arguments, used in any order).
	 */
	static final List<String> SHARED_HEADLINES = List.of("%2$s approves %4$d million %1$s after vote led by %3$s",
			"%3$s wins backing for %4$d million %1$s in %2$s", "%2$s %1$s: %3$s secures %4$d million",
			"%4$d million %1$s for %2$s gets green light, %3$s says");

	/** Leads of a story several publishers tell, arguments as for headlines. */
	static final List<String> SHARED_LEADS = List.of(
			"%3$s confirmed that the %4$d million %1$s in %2$s will go ahead after months of debate.",
			"After months of debate, the %4$d million %1$s in %2$s will go ahead, %3$s said.",
			"The %4$d million %1$s planned for %2$s will go ahead, %3$s announced after months of debate.");

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
