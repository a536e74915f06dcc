package io.newsstand.aggregator.internal.cluster;

import java.util.Arrays;

import java.util.SplittableRandom;

/**
 * MinHash signatures cut into LSH bands: two feature sets with Jaccard
 * similarity {@code s} share at least one band with probability
 * {@code 1 - (1 - s^rows)^bands}. The hash functions are fixed by a seed, so
 * every node and every restart computes the same bands.
 */
final class MinHash {

	private static final long SEED = 0x6e657773L; // "news"

	private final int bands;

	private final int rows;

	private final long[] salts;

	MinHash(int bands, int rows) {
		if (bands < 1 || rows < 1 || bands * rows > 1024) {
			throw new IllegalArgumentException("bands and rows must be positive, with at most 1024 hashes");
		}
		this.bands = bands;
		this.rows = rows;
		SplittableRandom random = new SplittableRandom(SEED);
		this.salts = new long[bands * rows];
		for (int i = 0; i < this.salts.length; i++) {
			this.salts[i] = random.nextLong();
		}
	}

	int bands() {
		return this.bands;
	}

	/**
	 * One hash per band (its rows' minimums combined), or an empty array for an
	 * empty feature set.
	 */
	long[] bandHashes(int[] features) {
		if (features.length == 0) {
			return new long[0];
		}
		long[] minimums = new long[this.salts.length];
		Arrays.fill(minimums, Long.MAX_VALUE);
		for (int feature : features) {
			for (int i = 0; i < this.salts.length; i++) {
				long h = mix(feature ^ this.salts[i]);
				if (h < minimums[i]) {
					minimums[i] = h;
				}
			}
		}
		long[] result = new long[this.bands];
		for (int band = 0; band < this.bands; band++) {
			long combined = band;
			for (int row = 0; row < this.rows; row++) {
				combined = mix(combined * 31 + minimums[band * this.rows + row]);
			}
			result[band] = combined;
		}
		return result;
	}

	/** The probability that a pair of the given similarity becomes a candidate. */
	double candidateProbability(double similarity) {
		return 1 - Math.pow(1 - Math.pow(similarity, this.rows), this.bands);
	}

	/** Stafford's variant 13 of the SplitMix64 finaliser. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

}
