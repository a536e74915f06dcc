package io.newsstand.web.security;

import io.newsstand.web.config.WebProperties;
import io.newsstand.web.redis.WebKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * API bearer tokens: handed out once, stored as their SHA-256 with the account
 * and an expiry, listed and revocable on the account page.
 */
@Component
public class ApiTokens {

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final Duration ttl;

	ApiTokens(StringRedisTemplate redis, Clock clock, WebProperties properties) {
		this.redis = redis;
		this.clock = clock;
		this.ttl = properties.apiTokenTtl();
	}

	/** A token as handed to the app: the secret is shown only this once. */
	public record Issued(String token, Instant expiresAt) {
	}

	/** A token as the account page lists it: its id is the hash, not the secret. */
	public record Listed(String id, Instant createdAt, Instant expiresAt) {
	}

	public Issued issue(String accountId) {
		String token = Hashes.newSecret();
		String hash = Hashes.sha256(token);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.ttl);
		String key = WebKeys.apiToken(hash);
		this.redis.opsForHash().putAll(key, Map.of("account", accountId, "created", Long.toString(now.toEpochMilli()),
				"expires", Long.toString(expiresAt.toEpochMilli())));
		this.redis.expire(key, this.ttl);
		this.redis.opsForSet().add(WebKeys.accountTokens(accountId), hash);
		return new Issued(token, expiresAt);
	}

	/**
	 * The account a presented token belongs to, if the token exists and has not
	 * expired.
	 */
	public Optional<String> accountFor(String token) {
		List<Object> fields = this.redis.opsForHash().multiGet(WebKeys.apiToken(Hashes.sha256(token)),
				List.of("account", "expires"));
		if (fields.get(0) == null || fields.get(1) == null) {
			return Optional.empty();
		}
		Instant expiresAt = Instant.ofEpochMilli(Long.parseLong((String) fields.get(1)));
		if (!this.clock.instant().isBefore(expiresAt)) {
			return Optional.empty();
		}
		return Optional.of((String) fields.get(0));
	}

	public List<Listed> list(String accountId) {
		Set<String> hashes = this.redis.opsForSet().members(WebKeys.accountTokens(accountId));
		List<Listed> listed = new ArrayList<>();
		Instant now = this.clock.instant();
		for (String hash : (hashes != null) ? hashes : Set.<String>of()) {
			List<Object> fields = this.redis.opsForHash().multiGet(WebKeys.apiToken(hash),
					List.of("account", "created", "expires"));
			if (fields.get(0) == null || !accountId.equals(fields.get(0))) {
				this.redis.opsForSet().remove(WebKeys.accountTokens(accountId), hash);
				continue;
			}
			Instant expiresAt = Instant.ofEpochMilli(Long.parseLong((String) fields.get(2)));
			if (expiresAt.isAfter(now)) {
				listed.add(new Listed(hash, Instant.ofEpochMilli(Long.parseLong((String) fields.get(1))), expiresAt));
			}
		}
		listed.sort(Comparator.comparing(Listed::createdAt).reversed());
		return listed;
	}

	/**
	 * Revokes one of the account's tokens; answers false for a token of another
	 * account.
	 */
	public boolean revoke(String accountId, String tokenId) {
		Object owner = this.redis.opsForHash().get(WebKeys.apiToken(tokenId), "account");
		if (!accountId.equals(owner)) {
			return false;
		}
		this.redis.delete(WebKeys.apiToken(tokenId));
		this.redis.opsForSet().remove(WebKeys.accountTokens(accountId), tokenId);
		return true;
	}

	/** Revokes the token presented to the API. */
	public void revokePresented(String accountId, String token) {
		revoke(accountId, Hashes.sha256(token));
	}

	/**
	 * Revokes every token of the account but the one presented with this request
	 * ({@code keep}, null when the request came from the site).
	 */
	public void revokeAllExcept(String accountId, @Nullable String keep) {
		String kept = (keep != null) ? Hashes.sha256(keep) : null;
		Set<String> hashes = this.redis.opsForSet().members(WebKeys.accountTokens(accountId));
		for (String hash : (hashes != null) ? hashes : Set.<String>of()) {
			if (!hash.equals(kept)) {
				this.redis.delete(WebKeys.apiToken(hash));
				this.redis.opsForSet().remove(WebKeys.accountTokens(accountId), hash);
			}
		}
	}

	public void revokeAll(String accountId) {
		Set<String> hashes = this.redis.opsForSet().members(WebKeys.accountTokens(accountId));
		if (hashes != null && !hashes.isEmpty()) {
			this.redis.delete(hashes.stream().map(WebKeys::apiToken).toList());
		}
		this.redis.delete(WebKeys.accountTokens(accountId));
	}

}
