package io.newsstand.aggregator.internal.cluster;

import io.newsstand.aggregator.StoryArticle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The labelled evaluation set of story clustering: synthetic articles
 * ({@code discovery/stories.psv}) and labelled pairs of them
 * ({@code discovery/pairs.psv}).
 */
record EvaluationSet(Map<String, StoryArticle> articles, List<Pair> pairs) {

	record Pair(String first, String second, boolean sameStory, String kind) {
	}

	static EvaluationSet load() {
		Map<String, StoryArticle> articles = new LinkedHashMap<>();
		for (String[] row : rows("discovery/stories.psv", 5)) {
			String id = row[0] + "/" + row[1];
			articles.put(id, new StoryArticle(id, row[1], row[3], row[4], Instant.parse(row[2])));
		}
		List<Pair> pairs = new ArrayList<>();
		for (String[] row : rows("discovery/pairs.psv", 4)) {
			if (!articles.containsKey(row[0]) || !articles.containsKey(row[1])) {
				throw new IllegalStateException("Unknown article in pair " + String.join("|", row));
			}
			pairs.add(new Pair(row[0], row[1], row[2].equals("same"), row[3]));
		}
		return new EvaluationSet(articles, pairs);
	}

	/**
	 * The articles in the order they were published, as the article store would see
	 * them.
	 */
	List<StoryArticle> inPublishingOrder() {
		return this.articles.values().stream().sorted(Comparator.comparing(StoryArticle::publishedAt)).toList();
	}

	private static List<String[]> rows(String resource, int columns) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				Objects.requireNonNull(EvaluationSet.class.getClassLoader().getResourceAsStream(resource), resource),
				StandardCharsets.UTF_8))) {
			List<String[]> rows = new ArrayList<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] row = line.split("\\|", -1);
				if (row.length != columns) {
					throw new IllegalStateException(resource + ": expected " + columns + " columns in " + line);
				}
				rows.add(row);
			}
			return rows;
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Precision and recall of a same-story decision over the labelled pairs. */
	record Score(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

		double precision() {
			return (truePositives + falsePositives == 0)
					? 1
					: (double) truePositives / (truePositives + falsePositives);
		}

		double recall() {
			return (double) truePositives / (truePositives + falseNegatives);
		}

		@Override
		public String toString() {
			return "precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)".formatted(precision(), recall(),
					truePositives, falsePositives, falseNegatives, trueNegatives);
		}

	}

	Score score(BiPredicate<StoryArticle, StoryArticle> predictedSame) {
		int tp = 0, fp = 0, fn = 0, tn = 0;
		for (Pair pair : this.pairs) {
			boolean predicted = predictedSame.test(this.articles.get(pair.first()), this.articles.get(pair.second()));
			if (pair.sameStory()) {
				if (predicted) {
					tp++;
				} else {
					fn++;
				}
			} else if (predicted) {
				fp++;
			} else {
				tn++;
			}
		}
		return new Score(tp, fp, fn, tn);
	}

}
