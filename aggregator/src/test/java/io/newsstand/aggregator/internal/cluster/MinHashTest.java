package io.newsstand.aggregator.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MinHashTest {

	@Test
	void sameFeaturesGiveTheSameBandsOnEveryInstance() {
		int[] features = IntStream.range(0, 40).map(i -> i * 7919).toArray();
		assertThat(new MinHash(32, 2).bandHashes(features)).hasSize(32)
				.isEqualTo(new MinHash(32, 2).bandHashes(features));
	}

	@Test
	void emptyFeaturesHaveNoBands() {
		assertThat(new MinHash(32, 2).bandHashes(new int[0])).isEmpty();
	}

	@Test
	void similarSetsShareBandsAndDifferentSetsRarelyDo() {
		MinHash minHash = new MinHash(32, 2);
		int[] a = IntStream.range(0, 40).toArray();
		int[] similar = IntStream.range(8, 48).toArray(); // Jaccard 32/48 = 0.67
		int[] different = IntStream.range(1000, 1040).toArray();

		assertThat(shared(minHash.bandHashes(a), minHash.bandHashes(similar))).isGreaterThan(5);
		assertThat(shared(minHash.bandHashes(a), minHash.bandHashes(different))).isZero();
	}

	@Test
	void candidateProbabilityFollowsTheBandingCurve() {
		MinHash minHash = new MinHash(32, 2);
		assertThat(minHash.candidateProbability(0.3)).isBetween(0.95, 0.96);
		assertThat(minHash.candidateProbability(0.05)).isLessThan(0.08);
	}

	@Test
	void refusesImpossibleShapes() {
		assertThatThrownBy(() -> new MinHash(0, 2)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new MinHash(512, 4)).isInstanceOf(IllegalArgumentException.class);
	}

	private static long shared(long[] a, long[] b) {
		return IntStream.range(0, a.length).filter(i -> a[i] == b[i]).count();
	}

}
