package io.newsstand.web.security;

import io.newsstand.web.config.WebProperties;
import io.newsstand.web.redis.WebKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
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

	/**
	 * Renews only a login that still exists, in one step: a sign-out between a read
	 * and a write must not bring a revoked login back.
	 */
	private static final RedisScript<Long> ROTATE = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			redis.call('HSET', KEYS[1], 'token', ARGV[1], 'previous', ARGV[2], 'used', ARGV[3], 'rotated', ARGV[3])
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			return 1
			""", Long.class);

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

	/**
	 * How long the token a login had before its last renewal still signs in (and
	 * gets the current cookie): long enough for requests sent alongside the
	 * renewing one, or a renewal whose answer was lost, to arrive.
	 */
	static final Duration PREVIOUS_TOKEN_GRACE = Duration.ofMinutes(1);

	/**
	 * One remember-me login as stored; the previous token is null until its first
	 * renewal.
	 */
	record Login(String account, String token, Instant lastUsed, @Nullable String previous, Instant rotatedAt) {
	}

	/** The login of {@code series}, when there is one. */
	Optional<Login> find(String series) {
		List<Object> fields = this.redis.opsForHash().multiGet(WebKeys.rememberMe(Hashes.sha256(series)),
				List.of("account", "token", "used", "previous", "rotated"));
		if (fields.get(0) == null || fields.get(1) == null || fields.get(2) == null) {
			return Optional.empty();
		}
		Instant used = Instant.ofEpochMilli(Long.parseLong((String) fields.get(2)));
		Instant rotated = (fields.get(4) != null)
				? Instant.ofEpochMilli(Long.parseLong((String) fields.get(4)))
				: Instant.EPOCH;
		return Optional
				.of(new Login((String) fields.get(0), (String) fields.get(1), used, (String) fields.get(3), rotated));
	}

	/**
	 * Renews the login's token, keeping the one presented as the previous token for
	 * {@link #PREVIOUS_TOKEN_GRACE}. A login revoked meanwhile stays revoked.
	 */
	void rotate(String series, String presented, String next, Instant now) {
		String key = WebKeys.rememberMe(Hashes.sha256(series));
		String millis = Long.toString(now.toEpochMilli());
		this.redis.execute(ROTATE, List.of(key), next, presented, millis, Long.toString(this.validity.toMillis()));
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
