package io.newsstand.billing.internal.sandbox;

import io.newsstand.billing.internal.ConditionalOnSandbox;
import io.newsstand.billing.internal.StripeConnection;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Not Stripe's: controls for scripts and browser tests under
 * {@code /sandbox/stripe/_control} (same {@code sk_test_} key as the API): wait
 * until webhooks are delivered, deliver twice or in reverse, inject failures.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(StripeConnection.SANDBOX_PATH + "/_control")
class SandboxControl {

	private final Sandbox sandbox;

	private final SandboxFaults faults;

	SandboxControl(Sandbox sandbox, SandboxFaults faults) {
		this.sandbox = sandbox;
		this.faults = faults;
	}

	@PostMapping("/await-deliveries")
	ResponseEntity<Object> awaitDeliveries(HttpServletRequest request,
			@RequestParam(defaultValue = "30") long timeoutSeconds) throws InterruptedException {
		authorize(request);
		boolean idle = this.sandbox.awaitDeliveries(Duration.ofSeconds(Math.min(timeoutSeconds, 120)));
		return ResponseEntity.status(idle ? 200 : 504).body(Map.of("idle", idle));
	}

	@PostMapping("/delivery-mode")
	ResponseEntity<Object> deliveryMode(HttpServletRequest request,
			@RequestParam(defaultValue = "false") boolean duplicate,
			@RequestParam(defaultValue = "false") boolean reverse) {
		authorize(request);
		this.sandbox.deliveryMode(duplicate, reverse);
		return ResponseEntity.ok(Map.of("duplicate", duplicate, "reverse", reverse));
	}

	@PostMapping("/faults")
	ResponseEntity<Object> faults(HttpServletRequest request, @RequestParam(defaultValue = "0") int fail,
			@RequestParam(defaultValue = "0") int slow, @RequestParam(defaultValue = "0") long delayMillis) {
		authorize(request);
		this.faults.clear();
		if (fail > 0) {
			this.faults.failNext(fail);
		}
		if (slow > 0) {
			this.faults.slowNext(slow, Duration.ofMillis(delayMillis));
		}
		return ResponseEntity.ok(Map.of("fail", fail, "slow", slow, "delayMillis", delayMillis));
	}

	private static void authorize(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer sk_test_")) {
			throw new SandboxError(401, "invalid_request_error", "api_key_invalid", null,
					"Invalid API Key provided. The Stripe sandbox accepts any key starting with sk_test_.");
		}
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(SandboxError.class)
	ResponseEntity<Object> error(SandboxError error) {
		return ResponseEntity.status(error.status()).body(error.body());
	}

}
