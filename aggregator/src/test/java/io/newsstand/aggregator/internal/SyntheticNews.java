package io.newsstand.aggregator.internal;

import java.util.Arrays;

import java.util.SplittableRandom;

/**
 * Deterministic synthetic news text for benchmarks: pseudo-words with a
 * Zipf-like frequency (a few very common, a long tail of rare ones), so that
 * postings lists and LSH buckets have realistic shapes.
 */
public final class SyntheticNews {

	private static final String[] SYLLABLES = {"ba", "ke", "lo", "mi", "nu", "ra", "so", "ti", "ve", "zo", "cha", "dri",
			"fle", "gro", "pla", "stu", "tre", "wen", "xa", "yor", "an", "el", "is", "or", "um"};

	private final String[] vocabulary;

	private final double[] cumulative;

	public SyntheticNews(int words) {
		this.vocabulary = new String[words];
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < words; i++) {
			StringBuilder word = new StringBuilder();
			int syllables = 2 + random.nextInt(3);
			for (int s = 0; s < syllables; s++) {
				word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
			}
			this.vocabulary[i] = word.toString() + (i % 7 == 0 ? "" : Integer.toString(i % 10));
		}
		this.cumulative = new double[words];
		double sum = 0;
		for (int i = 0; i < words; i++) {
			sum += 1.0 / (i + 1);
			this.cumulative[i] = sum;
		}
		for (int i = 0; i < words; i++) {
			this.cumulative[i] /= sum;
		}
	}

	/** A word drawn by frequency. */
	public String word(SplittableRandom random) {
		int index = Arrays.binarySearch(this.cumulative, random.nextDouble());
		return this.vocabulary[Math.min(this.vocabulary.length - 1, (index < 0) ? -index - 1 : index)];
	}

	/**
	 * A word drawn by frequency among all but the 150 most frequent: what is left
	 * of a headline once stop words are dropped.
	 */
	public String contentWord(SplittableRandom random) {
		while (true) {
			int index = Arrays.binarySearch(this.cumulative, random.nextDouble());
			index = (index < 0) ? -index - 1 : index;
			if (index >= 150 && index < this.vocabulary.length) {
				return this.vocabulary[index];
			}
		}
	}

	/**
	 * A word of the middle of the distribution (ranks 200 to 5,000): what people
	 * search for.
	 */
	public String searchWord(SplittableRandom random) {
		return this.vocabulary[200 + random.nextInt(Math.min(4800, this.vocabulary.length - 200))];
	}

	/** Running text, common words included. */
	public String text(SplittableRandom random, int words) {
		return text(random, words, false);
	}

	/** Running text, of content words only if asked. */
	public String text(SplittableRandom random, int words, boolean contentOnly) {
		StringBuilder text = new StringBuilder(words * 8);
		for (int i = 0; i < words; i++) {
			if (i > 0) {
				text.append(' ');
			}
			String word = contentOnly ? contentWord(random) : word(random);
			text.append((i == 0) ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
		}
		return text.toString();
	}

	/**
	 * The text with about a third of its words replaced: another publisher's
	 * version of a story.
	 */
	public String rewrite(String text, SplittableRandom random) {
		String[] words = text.split(" ");
		for (int i = 0; i < words.length; i++) {
			if (random.nextInt(3) == 0) {
				words[i] = contentWord(random);
			}
		}
		return String.join(" ", words);
	}

}
