package io.newsstand.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkGoalTest {

	@Test
	void aRatioWithinItsToleranceMeetsTheGoalAndOneBelowFails() {
		assertThatCode(() -> BenchmarkGoal.atLeast("ratio", 0.46, 0.5, 0.10)).doesNotThrowAnyException();
		assertThatThrownBy(() -> BenchmarkGoal.atLeast("ratio", 0.44, 0.5, 0.10)).isInstanceOf(AssertionError.class)
				.hasMessageContaining("NOT MET");
	}

	@Test
	void aCostAboveItsToleranceFails() {
		assertThatCode(() -> BenchmarkGoal.atMost("p99 ms", 52, 50, 0.05)).doesNotThrowAnyException();
		assertThatThrownBy(() -> BenchmarkGoal.atMost("p99 ms", 53, 50, 0.05)).isInstanceOf(AssertionError.class)
				.hasMessageContaining("p99 ms: 53.00 <= 50.00");
	}

}
