package io.newsstand.web.settings;

import io.newsstand.web.redis.WebKeys;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Settings in Redis: one hash per account under the account's hash tag (deleted
 * with the account by {@code AccountStore.delete}). A value this version does
 * not know (written by a newer one, or by hand) reads as the default.
 */
@Component
class ReaderSettingsStore {

	static final String TEXT_SIZE = "text-size";

	static final String THEME = "theme";

	private final StringRedisTemplate redis;

	ReaderSettingsStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	ReaderSettings find(String accountId) {
		List<Object> fields = this.redis.opsForHash().multiGet(WebKeys.readerSettings(accountId),
				List.of(TEXT_SIZE, THEME));
		return new ReaderSettings(
				ReaderSettings.TextSize.of(String.valueOf(fields.get(0))).orElse(ReaderSettings.DEFAULT.textSize()),
				ReaderSettings.Theme.of(String.valueOf(fields.get(1))).orElse(ReaderSettings.DEFAULT.theme()));
	}

	void save(String accountId, ReaderSettings settings) {
		this.redis.opsForHash().putAll(WebKeys.readerSettings(accountId),
				Map.of(TEXT_SIZE, settings.textSize().code(), THEME, settings.theme().code()));
	}

}
