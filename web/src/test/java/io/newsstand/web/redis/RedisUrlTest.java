package io.newsstand.web.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstand.web.startup.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisUrlTest {

	@Test
	void parsesHostPortDatabaseAndPassword() {
		RedisUrl url = RedisUrl.parse("redis://:s3cr%40t@redis.internal:6380/2");
		assertThat(url).isEqualTo(new RedisUrl("redis.internal", 6380, 2, null, "s3cr@t", false));
	}

	@Test
	void parsesUserAndTlsScheme() {
		RedisUrl url = RedisUrl.parse("rediss://app:pw@cache.example.com");
		assertThat(url).isEqualTo(new RedisUrl("cache.example.com", 6379, 0, "app", "pw", true));
	}

	@Test
	void redactedFormHidesThePassword() {
		assertThat(RedisUrl.parse("redis://app:topsecret@h:1/3").redacted()).isEqualTo("redis://app:****@h:1/3")
				.doesNotContain("topsecret");
	}

	@ParameterizedTest
	@ValueSource(strings = {"http://localhost:6379", "localhost:6379", "redis://", "redis://host:6379/notanumber",
			"redis://ho st:6379"})
	void malformedUrlsNameTheSetting(String value) {
		assertThatThrownBy(() -> RedisUrl.parse(value)).isInstanceOf(InvalidSettingException.class)
				.hasMessageStartingWith("newsstand.redis.url (NEWSSTAND_REDIS_URL): ");
	}

	@Test
	void errorMessagesNeverEchoThePassword() {
		assertThatThrownBy(() -> RedisUrl.parse("http://user:hunter2@host")).hasMessageNotContaining("hunter2");
	}

}
