package io.newsstand.web.personal;

import io.newsstand.aggregator.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks recent articles for one reader (see docs/discovery.md, "For you"). A
 * pure function of what the reader follows, what they opened and when, the
 * candidates and the time, so it is tested with fixed instants.
 * <p>
 * Each candidate collects signals: a followed publisher (3), section (2) or
 * topic (2, and 0.5 for each further one), and the reader's taste for its
 * publisher (up to 2), topics (up to 1.5) and section (up to 1). Taste is the
 * sum of the reader's opens, each weighing {@code 2^(-age / tasteHalfLife)},
 * squashed to {@code t / (t + 1)}. The sum is multiplied by freshness,
 * {@code 2^(-age / freshnessHalfLife)}. Muted publishers and articles the
 * reader opened are left out; each further article of a publisher already in
 * the list counts 0.8 times as much, so one busy publisher cannot fill it. The
 * strongest signal is the reason shown. Slots left over are filled with the
 * newest other articles, "New on Newsstand".
 */
final class ForYouRanking {

	static final String NEW = "New on Newsstand";

	private static final double PUBLISHER_FOLLOW = 3;

	private static final double SECTION_FOLLOW = 2;

	private static final double TOPIC_FOLLOW = 2;

	private static final double MORE_TOPICS = 0.5;

	private static final double PUBLISHER_TASTE = 2;

	private static final double TOPIC_TASTE = 1.5;

	private static final double SECTION_TASTE = 1;

	private static final double REPEAT_PUBLISHER = 0.8;

	private ForYouRanking() {
	}

	/** An article the reader opened, and when. */
	record Read(Card card, Instant at) {
	}

	/** A candidate with its score and reason. */
	record Ranked(Card card, double score, String reason) {
	}

	/**
	 * What the reader's history says they like: decayed reads per publisher,
	 * section and topic.
	 */
	private record Taste(Map<String, Double> publishers, Map<String, Double> sections, Map<String, Double> topics) {

		static Taste of(List<Read> history, Instant now, Duration halfLife) {
			Taste taste = new Taste(new HashMap<>(), new HashMap<>(), new HashMap<>());
			for (Read read : history) {
				double weight = decay(read.at(), now, halfLife);
				taste.publishers.merge(read.card().publisherId(), weight, Double::sum);
				sectionKey(read.card()).ifPresent(section -> taste.sections.merge(section, weight, Double::sum));
				for (String topic : read.card().topics()) {
					taste.topics.merge(topic, weight / read.card().topics().size(), Double::sum);
				}
			}
			return taste;
		}

	}

	static List<Ranked> rank(FollowSet follows, List<Read> history, Set<String> openedIds, Collection<Card> candidates,
			Instant now, Duration tasteHalfLife, Duration freshnessHalfLife, int size) {
		Taste taste = Taste.of(history, now, tasteHalfLife);
		Map<String, String> sectionLabels = new HashMap<>();
		follows.following(FollowKind.SECTION).forEach(follow -> sectionLabels.put(follow.value(), follow.label()));
		Set<String> muted = follows.mutedIds();

		List<Ranked> scored = new ArrayList<>();
		List<Card> rest = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Card card : candidates) {
			if (!seen.add(card.id()) || muted.contains(card.publisherId()) || openedIds.contains(card.id())) {
				continue;
			}
			Signals signals = signals(card, follows, sectionLabels, taste);
			if (signals.total == 0) {
				rest.add(card);
				continue;
			}
			scored.add(new Ranked(card, signals.total * decay(card.summary().publishedAt(), now, freshnessHalfLife),
					signals.reason));
		}
		List<Ranked> chosen = diversify(scored, size);
		rest.sort(Comparator.comparing((Card card) -> card.summary().publishedAt()).reversed().thenComparing(Card::id));
		for (Card card : rest) {
			if (chosen.size() >= size) {
				break;
			}
			chosen.add(new Ranked(card, 0, NEW));
		}
		return chosen;
	}

	/**
	 * Why one candidate suits the reader: what they follow, then what they read.
	 */
	private static Signals signals(Card card, FollowSet follows, Map<String, String> sectionLabels, Taste taste) {
		Signals signals = new Signals();
		String publisherName = card.summary().publisherName();
		if (follows.follows(FollowKind.PUBLISHER, card.publisherId())) {
			signals.add(PUBLISHER_FOLLOW, "Because you follow " + publisherName);
		}
		var section = sectionKey(card);
		if (section.isPresent() && follows.follows(FollowKind.SECTION, section.get())) {
			signals.add(SECTION_FOLLOW, "Because you follow " + sectionLabels.get(section.get()));
		}
		boolean firstTopic = true;
		String tastiestTopic = null;
		double topicTasteBest = 0;
		for (String topic : card.topics()) {
			if (follows.follows(FollowKind.TOPIC, topic)) {
				signals.add(firstTopic ? TOPIC_FOLLOW : MORE_TOPICS, "Because you follow " + topic);
				firstTopic = false;
			}
			double liking = squash(taste.topics().getOrDefault(topic, 0.0));
			if (liking > topicTasteBest) {
				topicTasteBest = liking;
				tastiestTopic = topic;
			}
		}
		double publisher = squash(taste.publishers().getOrDefault(card.publisherId(), 0.0));
		if (publisher > 0) {
			signals.add(PUBLISHER_TASTE * publisher, "Because you read " + publisherName);
		}
		if (tastiestTopic != null) {
			signals.add(TOPIC_TASTE * topicTasteBest, "Because you read about " + tastiestTopic);
		}
		double sectionLiking = section.map(key -> squash(taste.sections().getOrDefault(key, 0.0))).orElse(0.0);
		if (sectionLiking > 0) {
			signals.add(SECTION_TASTE * sectionLiking, "Because you read " + card.summary().section().strip());
		}
		return signals;
	}

	/**
	 * Greedy: each pick counts {@link #REPEAT_PUBLISHER} less per article its
	 * publisher already has.
	 */
	private static List<Ranked> diversify(List<Ranked> scored, int size) {
		List<Ranked> left = new ArrayList<>(scored);
		left.sort(Comparator.comparingDouble(Ranked::score).reversed()
				.thenComparing(ranked -> ranked.card().summary().publishedAt(), Comparator.reverseOrder())
				.thenComparing(ranked -> ranked.card().id()));
		List<Ranked> chosen = new ArrayList<>();
		Map<String, Integer> perPublisher = new HashMap<>();
		while (chosen.size() < size && !left.isEmpty()) {
			int best = 0;
			double bestScore = -1;
			for (int i = 0; i < left.size(); i++) {
				Ranked candidate = left.get(i);
				double adjusted = candidate.score()
						* Math.pow(REPEAT_PUBLISHER, perPublisher.getOrDefault(candidate.card().publisherId(), 0));
				if (adjusted > bestScore) {
					bestScore = adjusted;
					best = i;
				}
			}
			Ranked pick = left.remove(best);
			perPublisher.merge(pick.card().publisherId(), 1, Integer::sum);
			chosen.add(pick);
		}
		return chosen;
	}

	static Optional<String> sectionKey(Card card) {
		String section = card.summary().section();
		return (section != null) ? Topics.normalise(section) : Optional.empty();
	}

	/** {@code 2^(-age / halfLife)}; an instant in the future counts as now. */
	static double decay(Instant at, Instant now, Duration halfLife) {
		double age = Math.max(0, Duration.between(at, now).toMillis());
		return Math.pow(2, -age / halfLife.toMillis());
	}

	private static double squash(double taste) {
		return taste / (taste + 1);
	}

	private static final class Signals {

		double total;

		double strongest;

		String reason = NEW;

		void add(double value, String why) {
			this.total += value;
			if (value > this.strongest) {
				this.strongest = value;
				this.reason = why;
			}
		}

	}

}
