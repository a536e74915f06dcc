package io.newsstand.aggregator.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.BenchmarkGoal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.openjdk.jmh.runner.options.WarmupMode;

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
				.forks(0)
				// Every benchmark warms up before any is measured (then each again): in one JVM
				// the first one measured would otherwise pay the JIT compiling of code the
				// others share (the XML parser, Rome), which on a loaded machine takes longer
				// than a warm-up.
				.warmupMode(WarmupMode.BULK_INDI).warmupIterations(3).warmupTime(TimeValue.seconds(2))
				.measurementIterations(5).measurementTime(TimeValue.seconds(2)).threads(1).build();
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
			// Tolerance 10% for the pipeline (JMH runs the two seconds apart on a shared
			// machine); none for the hash, which is far above its goal.
			BenchmarkGoal.atLeast(feed + " pipeline / plain Rome", pipeline / rome, 1.0, 0.10);
			BenchmarkGoal.atLeast(feed + " unchanged-body hash / plain Rome", hash / rome, 20, 0);
		}
		assertThat(score).hasSize(6);
	}

	/**
	 * The same comparison, interleaved: rounds of plain Rome and of the pipeline
	 * alternate, so load from other processes falls on both alike (JMH measures one
	 * benchmark after the other, seconds apart). Wall-clock and thread CPU time per
	 * feed, after the first third of the rounds as warm-up.
	 */
	@Test
	void pipelineAgainstPlainRomeInterleaved() throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (String name : new String[]{"synthetic-50", "guardian"}) {
			ParseBenchmark benchmark = new ParseBenchmark();
			benchmark.feed = name;
			benchmark.load();
			int rounds = 30;
			int perRound = 10;
			long[] wall = new long[2];
			long[] cpu = new long[2];
			for (int round = 0; round < rounds; round++) {
				for (int which = 0; which < 2; which++) {
					long started = System.nanoTime();
					long startedCpu = threads.getCurrentThreadCpuTime();
					for (int i = 0; i < perRound; i++) {
						assertThat(which == 0 ? benchmark.plainRome() : benchmark.pipeline().size()).isPositive();
					}
					if (round >= rounds / 3) {
						wall[which] += System.nanoTime() - started;
						cpu[which] += threads.getCurrentThreadCpuTime() - startedCpu;
					}
				}
			}
			double feeds = (rounds - rounds / 3) * perRound;
			System.out.printf(
					"%s interleaved: plain Rome %.1f feeds/s (%.0f us CPU/feed), pipeline %.1f feeds/s (%.0f us CPU/feed): %.2fx wall clock, %.2fx CPU%n",
					name, feeds / (wall[0] / 1e9), cpu[0] / feeds / 1e3, feeds / (wall[1] / 1e9), cpu[1] / feeds / 1e3,
					(double) wall[0] / wall[1], (double) cpu[0] / cpu[1]);
			// CPU time: the interleaved rounds' figure that other processes do not move.
			BenchmarkGoal.atLeast(name + " pipeline / plain Rome, CPU", (double) cpu[0] / cpu[1], 1.0, 0.10);
		}
	}

}
