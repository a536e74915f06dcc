package io.newsstand.web.api;

import io.newsstand.web.account.AccountService;
import io.newsstand.web.security.ApiTokens;
import io.newsstand.web.security.Reader;
import io.newsstand.web.security.SignInThrottle;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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

	private final ApiTokens tokens;

	private final AuthenticationManager authentication;

	private final Clock clock;

	AccountApiController(AccountService accounts, ApiTokens tokens, AuthenticationManager authentication, Clock clock) {
		this.accounts = accounts;
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

	record AccountJson(String id, String email, Instant createdAt) {
	}

	record TokenJson(String token, Instant expiresAt) {
	}

	@PostMapping("/api/v1/accounts")
	ResponseEntity<AccountJson> create(@RequestBody Credentials credentials) {
		return switch (this.accounts.signUp(credentials.emailOrBlank(), credentials.passwordOrBlank())) {
			case AccountService.Done done -> ResponseEntity.created(URI.create("/api/v1/me"))
					.body(new AccountJson(done.account().id(), done.account().email(), done.account().createdAt()));
			case AccountService.Refused refused -> throw new ApiProblem(HttpStatus.BAD_REQUEST, refused.message(),
					Map.of(refused.field(), refused.message()));
			case AccountService.EmailTaken taken ->
				throw new ApiProblem(HttpStatus.CONFLICT, "An account already uses this e-mail address.");
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
		} catch (io.newsstand.web.security.SignInThrottledException throttled) {
			SignInThrottle.Refused refused = throttled.refused();
			ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins. Try again in "
					+ refused.minutesLeft(this.clock.instant()) + " minutes.");
			problem.getHeaders().set("Retry-After", Long
					.toString(Math.max(1, refused.retryAt().getEpochSecond() - this.clock.instant().getEpochSecond())));
			throw problem;
		} catch (BadCredentialsException | org.springframework.security.core.userdetails.UsernameNotFoundException ex) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "That e-mail address and password do not match an account.");
		}
		Reader reader = (Reader) result.getPrincipal();
		ApiTokens.Issued issued = this.tokens.issue(reader.accountId());
		return new TokenJson(issued.token(), issued.expiresAt());
	}

	@DeleteMapping("/api/v1/auth/token")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal Reader reader, HttpServletRequest request) {
		io.newsstand.web.security.ApiTokenAuthentication.presentedToken(request)
				.ifPresent(token -> this.tokens.revokePresented(reader.accountId(), token));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/me")
	AccountJson me(@AuthenticationPrincipal Reader reader) {
		return this.accounts.find(reader.accountId())
				.map(account -> new AccountJson(account.id(), account.email(), account.createdAt()))
				.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "This account no longer exists."));
	}

}
