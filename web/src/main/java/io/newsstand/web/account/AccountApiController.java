package io.newsstand.web.account;

import io.newsstand.web.api.ApiProblem;
import io.newsstand.web.limits.ClientAddress;
import io.newsstand.web.security.ApiTokenAuthentication;
import io.newsstand.web.security.ApiTokens;
import io.newsstand.web.security.Reader;
import io.newsstand.web.security.SignInThrottle;
import io.newsstand.web.security.SignInThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts and bearer tokens for apps.
 */
@RestController
class AccountApiController {

	private final AccountService accounts;

	private final SignUps signUps;

	private final ApiTokens tokens;

	private final AuthenticationManager authentication;

	private final Clock clock;

	AccountApiController(AccountService accounts, SignUps signUps, ApiTokens tokens,
			AuthenticationManager authentication, Clock clock) {
		this.accounts = accounts;
		this.signUps = signUps;
		this.tokens = tokens;
		this.authentication = authentication;
		this.clock = clock;
	}

	/** E-mail and password, as sent by an app. */
	record Credentials(@Nullable String email, @Nullable String password) {

		String emailOrBlank() {
			return (this.email != null) ? this.email : "";
		}

		String passwordOrBlank() {
			return (this.password != null) ? this.password : "";
		}

	}

	record AccountJson(String id, String email, boolean emailVerified, Instant createdAt) {
	}

	record TokenJson(String token, Instant expiresAt) {
	}

	/** The same answer whether the address was new or already had an account. */
	record SignUpJson(String email, String message) {
	}

	@PostMapping("/api/v1/accounts")
	ResponseEntity<SignUpJson> create(@RequestBody Credentials credentials, HttpServletRequest request) {
		return switch (this.signUps.signUp(credentials.emailOrBlank(), credentials.passwordOrBlank(),
				ClientAddress.of(request), "/")) {
			case SignUps.Accepted accepted -> ResponseEntity.accepted().body(new SignUpJson(accepted.email(),
					"We sent an e-mail to this address: open its link to confirm the address, then ask for a token "
							+ "at POST /api/v1/auth/token."));
			case SignUps.Refused refused -> throw new ApiProblem(HttpStatus.BAD_REQUEST, refused.message(),
					Map.of(refused.field(), refused.message()));
			case SignUps.Throttled throttled -> {
				long seconds = throttled.secondsLeft(this.clock.instant());
				ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS,
						"Too many new accounts from your network. Try again in " + Math.max(1, (seconds + 59) / 60)
								+ " minutes.");
				problem.getHeaders().set("Retry-After", Long.toString(seconds));
				throw problem;
			}
		};
	}

	@PostMapping("/api/v1/auth/token")
	TokenJson token(@RequestBody Credentials credentials, HttpServletRequest request) {
		var attempt = UsernamePasswordAuthenticationToken.unauthenticated(credentials.emailOrBlank(),
				credentials.passwordOrBlank());
		attempt.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
		Authentication result;
		try {
			result = this.authentication.authenticate(attempt);
		} catch (SignInThrottledException throttled) {
			SignInThrottle.Refused refused = throttled.refused();
			ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins. Try again in "
					+ refused.minutesLeft(this.clock.instant()) + " minutes.");
			problem.getHeaders().set("Retry-After", Long
					.toString(Math.max(1, refused.retryAt().getEpochSecond() - this.clock.instant().getEpochSecond())));
			throw problem;
		} catch (BadCredentialsException | UsernameNotFoundException ex) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "That e-mail address and password do not match an account.");
		}
		Reader reader = (Reader) result.getPrincipal();
		ApiTokens.Issued issued = this.tokens.issue(reader.accountId());
		return new TokenJson(issued.token(), issued.expiresAt());
	}

	@DeleteMapping("/api/v1/auth/token")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal Reader reader, HttpServletRequest request) {
		ApiTokenAuthentication.presentedToken(request)
				.ifPresent(token -> this.tokens.revokePresented(reader.accountId(), token));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/me")
	AccountJson me(@AuthenticationPrincipal Reader reader) {
		return this.accounts.find(reader.accountId()).map(
				account -> new AccountJson(account.id(), account.email(), account.emailVerified(), account.createdAt()))
				.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "This account no longer exists."));
	}

}
