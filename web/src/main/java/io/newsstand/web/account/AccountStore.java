package io.newsstand.web.account;

import io.newsstand.web.redis.GiftKeys;
import io.newsstand.web.redis.PasskeyKeys;
import io.newsstand.web.redis.PersonalKeys;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.security.AccountLookup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Accounts in Redis: a hash per account and an e-mail index. The index entry is
 * claimed first with SET NX, so two sign-ups for one address cannot both win;
 * the account hash is written after it.
 * <p>
 * The {@code verified} field is {@code no} until the reader follows a link
 * mailed to the address, then the time they did; accounts made before e-mail
 * verification existed have no such field and count as verified.
 */
@Component
public class AccountStore implements AccountLookup {

	private static final String VERIFIED = "verified";

	private static final String NO = "no";

	private final StringRedisTemplate redis;

	public AccountStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Lower-case and trimmed: the form in which addresses are compared and stored.
	 */
	public static String normalise(String email) {
		return AccountLookup.normalise(email);
	}

	/**
	 * Creates an account, or answers empty when the address is taken.
	 */
	public Optional<Account> create(String email, String passwordHash, Set<String> roles, Instant now,
			boolean verified) {
		String normalised = normalise(email);
		String id = UUID.randomUUID().toString();
		Boolean claimed = this.redis.opsForValue().setIfAbsent(WebKeys.accountByEmail(normalised), id);
		if (!Boolean.TRUE.equals(claimed)) {
			return Optional.empty();
		}
		Account account = new Account(id, normalised, passwordHash, Set.copyOf(roles), now, verified);
		this.redis.opsForHash().putAll(WebKeys.account(id),
				Map.of("email", normalised, "password", passwordHash, "roles", String.join(",", roles), "created",
						Long.toString(now.toEpochMilli()), VERIFIED,
						verified ? Long.toString(now.toEpochMilli()) : NO));
		return Optional.of(account);
	}

	@Override
	public Optional<Account> findById(String id) {
		List<Object> fields = this.redis.opsForHash().multiGet(WebKeys.account(id),
				List.of("email", "password", "roles", "created", VERIFIED));
		if (fields.get(0) == null || fields.get(1) == null) {
			return Optional.empty();
		}
		Set<String> roles = new LinkedHashSet<>(Arrays.asList(String.valueOf(fields.get(2)).split(",")));
		roles.remove("");
		Instant created = (fields.get(3) != null)
				? Instant.ofEpochMilli(Long.parseLong((String) fields.get(3)))
				: Instant.EPOCH;
		return Optional.of(new Account(id, (String) fields.get(0), (String) fields.get(1), roles, created,
				!NO.equals(fields.get(4))));
	}

	/** The id of the account using the address, without reading the account. */
	@Override
	public Optional<String> idForEmail(String email) {
		return Optional.ofNullable(this.redis.opsForValue().get(WebKeys.accountByEmail(normalise(email))));
	}

	@Override
	public Optional<Account> findByEmail(String email) {
		String id = this.redis.opsForValue().get(WebKeys.accountByEmail(normalise(email)));
		return (id != null) ? findById(id) : Optional.empty();
	}

	public void updatePassword(String id, String passwordHash) {
		this.redis.opsForHash().put(WebKeys.account(id), "password", passwordHash);
	}

	/** The reader proved they read mail at the account's address. */
	void markVerified(String id, Instant now) {
		this.redis.opsForHash().put(WebKeys.account(id), VERIFIED, Long.toString(now.toEpochMilli()));
	}

	public void updateRoles(String id, Set<String> roles) {
		this.redis.opsForHash().put(WebKeys.account(id), "roles", String.join(",", roles));
	}

	/**
	 * Moves the account to a new address, or answers false when the address is
	 * taken. The new address is unverified until its link is followed.
	 */
	public boolean updateEmail(Account account, String newEmail) {
		String normalised = normalise(newEmail);
		if (normalised.equals(account.email())) {
			return true;
		}
		Boolean claimed = this.redis.opsForValue().setIfAbsent(WebKeys.accountByEmail(normalised), account.id());
		if (!Boolean.TRUE.equals(claimed)) {
			return false;
		}
		this.redis.opsForHash().putAll(WebKeys.account(account.id()), Map.of("email", normalised, VERIFIED, NO));
		this.redis.delete(WebKeys.accountByEmail(account.email()));
		return true;
	}

	/**
	 * Deletes the account, its personal space (follows, saved articles, history),
	 * its gift links, its reader settings, its passkeys and its e-mail index; API
	 * tokens are revoked by the caller. The account's keys share one hash tag, so
	 * they go in one {@code DEL}.
	 */
	public void delete(Account account) {
		List<String> keys = new ArrayList<>(List.of(WebKeys.account(account.id()), WebKeys.accountTokens(account.id()),
				WebKeys.accountResets(account.id())));
		keys.addAll(PersonalKeys.ofAccount(account.id()));
		keys.addAll(PasskeyKeys.ofAccount(account.id()));
		keys.addAll(GiftKeys.ofAccount(account.id()));
		keys.add(WebKeys.readerSettings(account.id()));
		this.redis.delete(keys);
		this.redis.delete(WebKeys.accountByEmail(account.email()));
	}

	/**
	 * The edition the reader chose (its code, as {@code Edition} names it), or
	 * empty when they never chose one.
	 */
	public Optional<String> edition(String id) {
		Object edition = this.redis.opsForHash().get(WebKeys.account(id), "edition");
		return Optional.ofNullable((String) edition);
	}

	/** Remembers the reader's edition on the profile. */
	public void updateEdition(String id, String edition) {
		this.redis.opsForHash().put(WebKeys.account(id), "edition", edition);
	}

}
