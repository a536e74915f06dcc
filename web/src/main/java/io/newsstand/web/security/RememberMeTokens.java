package io.newsstand.web.security;

import io.newsstand.web.config.WebProperties;
import io.newsstand.web.redis.WebKeys;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Component;

/**
 * "Keep me signed in" logins for Spring Security's persistent remember-me: one
 * hash per series (a device), listed per account so that sign-out, a password
 * change or reset, and deletion revoke them all.
 * <p>
 * A Redis key is named by the SHA-256 of the series, never the series itself,
 * so a copy of Redis holds no cookie: the cookie needs the series and the
 * token. The user name is the account id.
 */
@Component
public class RememberMeTokens implements PersistentTokenRepository {

	private final StringRedisTemplate redis;

	private final Duration validity;

	RememberMeTokens(StringRedisTemplate redis, WebProperties properties) {
		this.redis = redis;
		this.validity = properties.rememberMe();
	}

	@Override
	public void createNewToken(PersistentRememberMeToken token) {
		String hash = Hashes.sha256(token.getSeries());
		String key = WebKeys.rememberMe(hash);
		this.redis.opsForHash().putAll(key, Map.of("account", token.getUsername(), "token", token.getTokenValue(),
				"used", Long.toString(token.getDate().getTime())));
		this.redis.expire(key, this.validity);
		String series = WebKeys.accountRememberMe(token.getUsername());
		this.redis.opsForSet().add(series, hash);
		this.redis.expire(series, this.validity);
	}

	@Override
	public void updateToken(String series, String tokenValue, Date lastUsed) {
		String key = WebKeys.rememberMe(Hashes.sha256(series));
		if (Boolean.TRUE.equals(this.redis.hasKey(key))) {
			this.redis.opsForHash().putAll(key, Map.of("token", tokenValue, "used", Long.toString(lastUsed.getTime())));
			this.redis.expire(key, this.validity);
		}
	}

	@Override
	public @Nullable PersistentRememberMeToken getTokenForSeries(String seriesId) {
		List<Object> fields = this.redis.opsForHash().multiGet(WebKeys.rememberMe(Hashes.sha256(seriesId)),
				List.of("account", "token", "used"));
		if (fields.get(0) == null || fields.get(1) == null || fields.get(2) == null) {
			return null;
		}
		return new PersistentRememberMeToken((String) fields.get(0), seriesId, (String) fields.get(1),
				new Date(Long.parseLong((String) fields.get(2))));
	}

	/**
	 * Spring Security calls this at sign-out and when it detects a stolen cookie.
	 */
	@Override
	public void removeUserTokens(String accountId) {
		revokeAll(accountId);
	}

	/** Revokes every remember-me login of the account, on every device. */
	public void revokeAll(String accountId) {
		String series = WebKeys.accountRememberMe(accountId);
		Set<String> hashes = this.redis.opsForSet().members(series);
		if (hashes != null && !hashes.isEmpty()) {
			this.redis.delete(hashes.stream().map(WebKeys::rememberMe).toList());
		}
		this.redis.delete(series);
	}

}
