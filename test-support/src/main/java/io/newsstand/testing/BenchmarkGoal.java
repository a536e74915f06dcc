package io.newsstand.testing;

/**
 * A benchmark's goal, checked where the benchmark prints its figure: the run
 * fails when the figure misses the goal by more than the tolerance the
 * benchmark states. Benchmarks run on a machine shared with other work, so each
 * states a tolerance (a share of the goal) it accepts as noise; the printed
 * line always shows the figure against the bare goal.
 */
public final class BenchmarkGoal {

	private BenchmarkGoal() {
	}

	/**
	 * Fails unless {@code figure >= goal * (1 - tolerance)}: a ratio against a
	 * baseline measured in the same run, where higher is better.
	 */
	public static void atLeast(String what, double figure, double goal, double tolerance) {
		check(what, figure >= goal * (1 - tolerance), figure, ">=", goal, tolerance);
	}

	/**
	 * Fails unless {@code figure <= goal * (1 + tolerance)}: a cost (time, CPU,
	 * commands) where lower is better.
	 */
	public static void atMost(String what, double figure, double goal, double tolerance) {
		check(what, figure <= goal * (1 + tolerance), figure, "<=", goal, tolerance);
	}

	private static void check(String what, boolean met, double figure, String relation, double goal, double tolerance) {
		String line = String.format("Goal %s: %.2f %s %.2f (tolerance %.0f%%): %s", what, figure, relation, goal,
				tolerance * 100, met ? "met" : "NOT MET");
		System.out.println(line);
		if (!met) {
			throw new AssertionError(line);
		}
	}

}
