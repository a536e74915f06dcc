package io.newsstand.web.account;

import io.newsstand.web.security.ApiTokens;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Everything a reader does to their own account, each answering what happened.
 */
@Service
public class AccountService {

	private final AccountStore store;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final ApiTokens tokens;

	private final MembershipCancellation membershipCancellation;

	private final Clock clock;

	AccountService(AccountStore store, PasswordPolicy policy, PasswordEncoder encoder, ApiTokens tokens,
			MembershipCancellation membershipCancellation, Clock clock) {
		this.store = store;
		this.policy = policy;
		this.encoder = encoder;
		this.tokens = tokens;
		this.membershipCancellation = membershipCancellation;
		this.clock = clock;
	}

	/** The outcome of a request that changes an account. */
	public sealed interface Outcome {
	}

	/** Done; the account as it is now. */
	public record Done(Account account) implements Outcome {
	}

	/** Refused because of one field, with a message for the reader. */
	public record Refused(String field, String message) implements Outcome {
	}

	/** Refused because the address belongs to another account. */
	public record EmailTaken(String email) implements Outcome {
	}

	public Outcome signUp(String email, String password) {
		return signUp(email, password, Set.of(Account.READER));
	}

	Outcome signUp(String email, String password, Set<String> roles) {
		Optional<String> emailProblem = EmailAddress.problem(email);
		if (emailProblem.isPresent()) {
			return new Refused("email", emailProblem.get());
		}
		Optional<String> passwordProblem = this.policy.problem(password, email);
		if (passwordProblem.isPresent()) {
			return new Refused("password", passwordProblem.get());
		}
		return this.store.create(email, this.encoder.encode(password), roles, this.clock.instant())
				.<Outcome>map(Done::new).orElseGet(() -> new EmailTaken(AccountStore.normalise(email)));
	}

	public Optional<String> passwordProblem(String password, String email) {
		return this.policy.problem(password, email);
	}

	public Optional<Account> find(String accountId) {
		return this.store.findById(accountId);
	}

	public boolean passwordMatches(Account account, String password) {
		return this.encoder.matches(password, account.passwordHash());
	}

	public Outcome changeEmail(Account account, String currentPassword, String newEmail) {
		if (!passwordMatches(account, currentPassword)) {
			return new Refused("currentPassword", "That is not your current password.");
		}
		Optional<String> problem = EmailAddress.problem(newEmail);
		if (problem.isPresent()) {
			return new Refused("email", problem.get());
		}
		if (!this.store.updateEmail(account, newEmail)) {
			return new EmailTaken(AccountStore.normalise(newEmail));
		}
		return new Done(this.store.findById(account.id()).orElseThrow());
	}

	public Outcome changePassword(Account account, String currentPassword, String newPassword) {
		if (!passwordMatches(account, currentPassword)) {
			return new Refused("currentPassword", "That is not your current password.");
		}
		return setPassword(account, newPassword);
	}

	/**
	 * Sets a new password (after a reset link proved the reader owns the address).
	 * Every API token is revoked: whoever held the old password may have made them.
	 */
	public Outcome setPassword(Account account, String newPassword) {
		Optional<String> problem = this.policy.problem(newPassword, account.email());
		if (problem.isPresent()) {
			return new Refused("password", problem.get());
		}
		this.store.updatePassword(account.id(), this.encoder.encode(newPassword));
		this.tokens.revokeAll(account.id());
		return new Done(this.store.findById(account.id()).orElseThrow());
	}

	/**
	 * Deletes the account after cancelling its membership at period end.
	 */
	public Outcome delete(Account account, String currentPassword) {
		if (!passwordMatches(account, currentPassword)) {
			return new Refused("currentPassword", "That is not your current password.");
		}
		try {
			this.membershipCancellation.cancelAtPeriodEnd(account.id());
		} catch (MembershipCancellationFailed ex) {
			return new Refused("membership", "Your membership could not be cancelled just now, so your account was "
					+ "not deleted. " + ex.getMessage());
		}
		this.tokens.revokeAll(account.id());
		this.store.delete(account);
		return new Done(account);
	}

}
