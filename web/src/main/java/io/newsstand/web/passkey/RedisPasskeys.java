package io.newsstand.web.passkey;

import io.newsstand.web.redis.PasskeyKeys;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys in Redis, for Spring Security's WebAuthn filters (both repositories)
 * and for the account page and API (list and remove, always within one
 * account).
 * <p>
 * Spring Security's "user name" is the account id (what {@code Reader} and
 * every authentication carry); the user entity shown to authenticators is named
 * by the account's current e-mail address, and its id (the user handle) is 64
 * random bytes made the first time the account asks for a passkey.
 */
@Component
class RedisPasskeys implements UserCredentialRepository {

	private static final Logger log = LoggerFactory.getLogger(RedisPasskeys.class);

	/** Credential ids are base64url; authenticators keep them under 1023 bytes. */
	private static final Pattern CREDENTIAL_ID = Pattern.compile("[A-Za-z0-9_-]{1,1400}");

	/**
	 * A sign-in updates the record (signature count, last used) only while it still
	 * exists: a passkey removed during its own sign-in stays removed.
	 */
	private static final RedisScript<Long> UPDATE_IF_PRESENT = RedisScript
			.of("if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) "
					+ "return 1 end return 0", Long.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	RedisPasskeys(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	/** The account's passkeys, newest first. */
	List<Passkey> list(String accountId) {
		return this.redis.<String, String>opsForHash().values(PasskeyKeys.passkeys(accountId)).stream().map(this::read)
				.map(StoredPasskey::view).sorted(Comparator.comparing(Passkey::created).reversed()).toList();
	}

	/**
	 * Removes one of the account's passkeys; false when the account has no passkey
	 * with that id (another account's passkey is never touched).
	 */
	boolean remove(String accountId, String credentialId) {
		if (!CREDENTIAL_ID.matcher(credentialId).matches()) {
			return false;
		}
		Long removed = this.redis.opsForHash().delete(PasskeyKeys.passkeys(accountId), credentialId);
		if (removed == null || removed == 0) {
			return false;
		}
		String owner = PasskeyKeys.credentialOwner(credentialId);
		if (accountId.equals(this.redis.opsForValue().get(owner))) {
			this.redis.delete(owner);
		}
		log.info("Passkey {} of account {} removed", credentialId, accountId);
		return true;
	}

	/** The account a user handle belongs to. */
	Optional<String> accountOf(Bytes userHandle) {
		return Optional
				.ofNullable(this.redis.opsForValue().get(PasskeyKeys.userHandleOwner(userHandle.toBase64UrlString())));
	}

	// UserCredentialRepository

	@Override
	public void delete(Bytes credentialId) {
		String id = credentialId.toBase64UrlString();
		String owner = this.redis.opsForValue().get(PasskeyKeys.credentialOwner(id));
		if (owner != null) {
			remove(owner, id);
		}
	}

	@Override
	public void save(CredentialRecord credentialRecord) {
		StoredPasskey stored = StoredPasskey.of(credentialRecord);
		String accountId = accountOf(credentialRecord.getUserEntityUserId())
				.orElseThrow(() -> new IllegalArgumentException(
						"No account has the user handle of credential " + stored.credentialId()));
		String record = this.json.writeValueAsString(stored);
		String passkeys = PasskeyKeys.passkeys(accountId);
		if (stored.neverUsed()) {
			// Index first: a write cut short leaves an index to a record that is not
			// there, which finds nothing.
			Boolean claimed = this.redis.opsForValue().setIfAbsent(PasskeyKeys.credentialOwner(stored.credentialId()),
					accountId);
			if (!Boolean.TRUE.equals(claimed)) {
				throw new IllegalArgumentException("Credential " + stored.credentialId() + " is already registered");
			}
			this.redis.opsForHash().put(passkeys, stored.credentialId(), record);
		} else {
			this.redis.execute(UPDATE_IF_PRESENT, List.of(passkeys), stored.credentialId(), record);
		}
	}

	@Override
	public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
		String id = credentialId.toBase64UrlString();
		String owner = this.redis.opsForValue().get(PasskeyKeys.credentialOwner(id));
		if (owner == null) {
			return null;
		}
		Object record = this.redis.opsForHash().get(PasskeyKeys.passkeys(owner), id);
		return (record != null) ? read((String) record).toRecord() : null;
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return accountOf(userId).map(PasskeyKeys::passkeys).map(key -> this.redis.<String, String>opsForHash()
				.values(key).stream().map(this::read).map(StoredPasskey::toRecord).toList()).orElse(List.of());
	}

	private StoredPasskey read(String record) {
		return this.json.readValue(record, StoredPasskey.class);
	}

}
