package io.newsstand.web.images;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Runs {@link ImageProxyBenchmark} and prints the cache hit's ratio against the
 * resize measured in the same run. Not part of {@code mvn verify}:
 * {@code mvn -Pbenchmarks -pl web -am test -Dtest=ImageProxyBenchmarkTest}.
 */
@Tag("benchmark")
class ImageProxyBenchmarkTest {

	@Test
	void cachedHitAgainstResize() throws Exception {
		System.setProperty("jmh.ignoreLock", "true");
		Options options = new OptionsBuilder().include(ImageProxyBenchmark.class.getName() + ".")
				// In-process: surefire's class path does not survive a JMH fork.
				.forks(0).warmupMode(WarmupMode.BULK_INDI).warmupIterations(3).warmupTime(TimeValue.seconds(2))
				.measurementIterations(5).measurementTime(TimeValue.seconds(2)).threads(1).build();
		Map<String, Double> score = new HashMap<>();
		for (RunResult result : new Runner(options).run()) {
			score.put(result.getParams().getBenchmark().replaceAll(".*\\.", ""), result.getPrimaryResult().getScore());
		}
		double hit = score.get("cachedHit");
		double resize = score.get("resize");
		System.out.printf("Image proxy, 1200x675 JPEG at 640 px: cache hit %.0f/s, resize %.1f/s, hit %.0fx faster%n",
				hit, resize, hit / resize);
		assertThat(score).hasSize(2);
	}

}
