package io.newsstand.web.redis;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which Redis the app uses.
 *
 * @param url
 *            an external Redis ({@code redis://} or {@code rediss://}, with
 *            optional user, password and database); when blank, an embedded
 *            server is started
 * @param dataDir
 *            where the embedded server keeps its append-only file
 * @param watchdogInterval
 *            how often the app checks that its embedded server still runs (and
 *            starts it again on its data if not)
 */
@ConfigurationProperties("newsstand.redis")
record NewsstandRedisProperties(@Nullable String url, @DefaultValue("./data/redis") Path dataDir,
		@DefaultValue("2s") Duration watchdogInterval) {

	boolean embedded() {
		return this.url == null || this.url.isBlank();
	}

}
