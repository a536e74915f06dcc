package io.newsstand.web.passkey;

import io.newsstand.web.account.Account;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.redis.PasskeyKeys;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * The WebAuthn user entity of each account, in Redis.
 * <p>
 * Spring Security's "user name" is the account id (what {@code Reader} and
 * every authentication carry); the user entity shown to authenticators is named
 * by the account's current e-mail address, and its id (the user handle) is 64
 * random bytes made the first time the account asks for a passkey.
 */
@Component
class RedisPasskeyUsers implements PublicKeyCredentialUserEntityRepository {

	private final StringRedisTemplate redis;

	private final AccountStore accounts;

	RedisPasskeyUsers(StringRedisTemplate redis, AccountStore accounts) {
		this.redis = redis;
		this.accounts = accounts;
	}

	private Optional<String> accountOf(Bytes userHandle) {
		return Optional
				.ofNullable(this.redis.opsForValue().get(PasskeyKeys.userHandleOwner(userHandle.toBase64UrlString())));
	}

	@Override
	public @Nullable PublicKeyCredentialUserEntity findById(Bytes id) {
		Optional<String> accountId = accountOf(id);
		if (accountId.isEmpty()) {
			return null;
		}
		String handle = this.redis.opsForValue().get(PasskeyKeys.userHandle(accountId.get()));
		if (!id.toBase64UrlString().equals(handle)) {
			return null;
		}
		return this.accounts.findById(accountId.get()).map(account -> entity(account, id)).orElse(null);
	}

	/**
	 * The user entity of an account (by id, as Spring Security names readers), made
	 * on first use so that the authenticator shows the reader's address, not an id.
	 */
	@Override
	public @Nullable PublicKeyCredentialUserEntity findByUsername(String username) {
		Optional<Account> account = username.contains("@")
				? this.accounts.findByEmail(username)
				: this.accounts.findById(username);
		if (account.isEmpty()) {
			return null;
		}
		String handleKey = PasskeyKeys.userHandle(account.get().id());
		String handle = this.redis.opsForValue().get(handleKey);
		if (handle == null) {
			Bytes fresh = Bytes.random();
			String freshHandle = fresh.toBase64UrlString();
			this.redis.opsForValue().set(PasskeyKeys.userHandleOwner(freshHandle), account.get().id());
			if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(handleKey, freshHandle))) {
				return entity(account.get(), fresh);
			}
			// Another request made one first: keep theirs.
			this.redis.delete(PasskeyKeys.userHandleOwner(freshHandle));
			handle = Objects.requireNonNull(this.redis.opsForValue().get(handleKey));
		}
		return entity(account.get(), Bytes.fromBase64(handle));
	}

	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
		String name = userEntity.getName();
		Account account = (name.contains("@") ? this.accounts.findByEmail(name) : this.accounts.findById(name))
				.orElseThrow(() -> new IllegalArgumentException("No account for passkey user " + name));
		String handle = userEntity.getId().toBase64UrlString();
		this.redis.opsForValue().set(PasskeyKeys.userHandleOwner(handle), account.id());
		this.redis.opsForValue().setIfAbsent(PasskeyKeys.userHandle(account.id()), handle);
	}

	@Override
	public void delete(Bytes id) {
		accountOf(id).ifPresent(accountId -> {
			this.redis.delete(PasskeyKeys.userHandle(accountId));
			this.redis.delete(PasskeyKeys.userHandleOwner(id.toBase64UrlString()));
		});
	}

	private static PublicKeyCredentialUserEntity entity(Account account, Bytes handle) {
		return ImmutablePublicKeyCredentialUserEntity.builder().id(handle).name(account.email())
				.displayName(account.email()).build();
	}

}
