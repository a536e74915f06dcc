package io.newsstand.web.redis;

import java.nio.file.Path;

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
 */
@ConfigurationProperties("newsstand.redis")
record NewsstandRedisProperties(@Nullable String url, @DefaultValue("./data/redis") Path dataDir) {

	boolean embedded() {
		return this.url == null || this.url.isBlank();
	}

}
