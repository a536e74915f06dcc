package io.newsstand.aggregator.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ParseBenchmark} and prints each feed's ratios against plain Rome
 * measured in the same run. Not part of {@code mvn verify}:
 * {@code mvn -Pbenchmarks -pl aggregator -am test}.
 */
@Tag("benchmark")
class ParseBenchmarkTest {

	@Test
	void pipelineAndHashAgainstPlainRome() throws Exception {
		// Other benchmarks on this machine hold /tmp/jmh.lock; ours runs in-process, so
		// the lock guards nothing.
		System.setProperty("jmh.ignoreLock", "true");
		Options options = new OptionsBuilder().include(ParseBenchmark.class.getName() + ".")
				// In-process (surefire's class path does not survive a JMH fork); warm-up makes
				// up for it.
				.forks(0).warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
				.measurementTime(TimeValue.seconds(2)).threads(1).build();
		Collection<RunResult> results = new Runner(options).run();
		Map<String, Double> score = new HashMap<>();
		for (RunResult result : results) {
			String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
			score.put(result.getParams().getParam("feed") + "/" + method, result.getPrimaryResult().getScore());
		}
		System.out.printf("Synthetic feed: %,d bytes%n", ParseBenchmark.syntheticSize());
		for (String feed : new String[]{"synthetic-50", "guardian"}) {
			double rome = score.get(feed + "/plainRome");
			double pipeline = score.get(feed + "/pipeline");
			double hash = score.get(feed + "/unchangedBodyHash");
			System.out.printf(
					"%s: plain Rome %.1f feeds/s, pipeline %.1f feeds/s (%.2fx), unchanged-body hash %.0f/s (%.0fx)%n",
					feed, rome, pipeline, pipeline / rome, hash, hash / rome);
		}
		assertThat(score).hasSize(6);
	}

}
