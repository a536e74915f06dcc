package io.newsstand.web.passkey;

import io.newsstand.web.api.ApiProblem;
import io.newsstand.web.security.Reader;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in reader's passkeys for apps: list and remove. Registering and
 * signing in need a browser (WebAuthn), so they are not in the JSON API.
 */
@RestController
class PasskeyApiController {

	private final RedisPasskeys passkeys;

	PasskeyApiController(RedisPasskeys passkeys) {
		this.passkeys = passkeys;
	}

	@GetMapping("/api/v1/me/passkeys")
	List<Passkey> list(@AuthenticationPrincipal Reader reader) {
		return this.passkeys.list(reader.accountId());
	}

	/** 404 for another reader's passkey as for none: nothing says it exists. */
	@DeleteMapping("/api/v1/me/passkeys/{id}")
	ResponseEntity<Void> remove(@AuthenticationPrincipal Reader reader, @PathVariable String id) {
		if (!this.passkeys.remove(reader.accountId(), id)) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "You have no passkey with this id.");
		}
		return ResponseEntity.noContent().build();
	}

}
