package io.newsstand.web.account;

import io.newsstand.web.security.ApiTokens;
import io.newsstand.web.security.RememberMeTokens;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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

	private final PasswordResets resets;

	private final RememberMeTokens rememberMe;

	private final EmailVerification verification;

	private final Clock clock;

	AccountService(AccountStore store, PasswordPolicy policy, PasswordEncoder encoder, ApiTokens tokens,
			MembershipCancellation membershipCancellation, PasswordResets resets, RememberMeTokens rememberMe,
			EmailVerification verification, Clock clock) {
		this.store = store;
		this.policy = policy;
		this.encoder = encoder;
		this.tokens = tokens;
		this.membershipCancellation = membershipCancellation;
		this.resets = resets;
		this.rememberMe = rememberMe;
		this.verification = verification;
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

	/**
	 * Creates an unverified reader account (see {@link SignUps} for the form and
	 * the API, which never tell whether the address was taken).
	 */
	Outcome signUp(String email, String password) {
		return signUp(email, password, Set.of(Account.READER));
	}

	/**
	 * Accounts with the admin role are made by the operator's configuration, so
	 * their address counts as verified.
	 */
	Outcome signUp(String email, String password, Set<String> roles) {
		Optional<String> emailProblem = EmailAddress.problem(email);
		if (emailProblem.isPresent()) {
			return new Refused("email", emailProblem.get());
		}
		Optional<String> passwordProblem = this.policy.problem(password, email);
		if (passwordProblem.isPresent()) {
			return new Refused("password", passwordProblem.get());
		}
		// The hash is computed before the address is looked up, so a taken address
		// answers no faster than a new one.
		String hash = this.encoder.encode(password);
		return this.store.create(email, hash, roles, this.clock.instant(), roles.contains(Account.ADMIN))
				.<Outcome>map(Done::new).orElseGet(() -> new EmailTaken(AccountStore.normalise(email)));
	}

	Optional<Account> findByEmail(String email) {
		return this.store.findByEmail(email);
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
		Account moved = this.store.findById(account.id()).orElseThrow();
		// The new address is unverified until the reader follows the link sent to it:
		// otherwise anyone could move a verified account onto someone else's address
		// and spend that person's trial.
		this.verification.send(moved, "/account?done=verified");
		return new Done(moved);
	}

	/**
	 * Changes the password from the account page. {@code keepApiToken} is the
	 * caller's own API token, if the change came through the API.
	 */
	public Outcome changePassword(Account account, String currentPassword, String newPassword,
			@Nullable String keepApiToken) {
		if (!passwordMatches(account, currentPassword)) {
			return new Refused("currentPassword", "That is not your current password.");
		}
		return setPassword(account, newPassword, keepApiToken);
	}

	/**
	 * Sets a new password after a reset link proved the reader reads the account's
	 * mail, which also confirms the address.
	 */
	public Outcome resetPassword(Account account, String newPassword) {
		Outcome outcome = setPassword(account, newPassword, null);
		if (outcome instanceof Done) {
			this.verification.confirmedByReset(account);
			return new Done(this.store.findById(account.id()).orElseThrow());
		}
		return outcome;
	}

	/**
	 * Whoever held the old password may have made reset links, API tokens and
	 * remember-me logins: all are revoked (but the caller's own API token).
	 * Sessions are the caller's to end ({@code SignIns.endOtherSessions}).
	 */
	private Outcome setPassword(Account account, String newPassword, @Nullable String keepApiToken) {
		Optional<String> problem = this.policy.problem(newPassword, account.email());
		if (problem.isPresent()) {
			return new Refused("password", problem.get());
		}
		this.store.updatePassword(account.id(), this.encoder.encode(newPassword));
		this.resets.revokeAll(account.id());
		this.tokens.revokeAllExcept(account.id(), keepApiToken);
		this.rememberMe.revokeAll(account.id());
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
		this.resets.revokeAll(account.id());
		this.rememberMe.revokeAll(account.id());
		this.store.delete(account);
		return new Done(account);
	}

}
