package io.newsstand.stripesandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Several starts on one fresh data directory at once (app nodes, or test
 * contexts in one build) all end up with the one key written there: none reads
 * a file another is still writing (CI saw "does not hold an sk_test_ key").
 */
class SandboxSecretsTest {

	@TempDir
	Path root;

	private static SandboxProperties properties(Path dataDir) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(
				new MapPropertySource("test", Map.of("newsstand.billing.sandbox.data-dir", dataDir.toString())));
		return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("newsstand.billing",
				SandboxProperties.class);
	}

	@Test
	void startsRacingOnAFreshDirectoryAllGetTheOneKeyWrittenThere() throws Exception {
		ExecutorService starts = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 25; round++) {
				Path dataDir = this.root.resolve("round-" + round);
				SandboxProperties properties = properties(dataDir);
				CountDownLatch go = new CountDownLatch(1);
				List<Future<String>> keys = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					keys.add(starts.submit(() -> {
						go.await();
						return SandboxSecrets.secretKey(properties);
					}));
				}
				go.countDown();
				Set<String> distinct = new HashSet<>();
				for (Future<String> key : keys) {
					distinct.add(key.get());
				}
				Path file = dataDir.resolve(SandboxSecrets.KEY_FILE);
				assertThat(distinct).as("round %d", round).containsExactly(Files.readString(file).trim());
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
				try (var left = Files.list(dataDir)) {
					assertThat(left).as("no temporary file left").containsExactly(file);
				}
			}
		} finally {
			starts.shutdownNow();
		}
	}

}
