package io.newsstand.billing.internal.sandbox;

import io.newsstand.billing.internal.ConditionalOnSandbox;
import io.newsstand.billing.internal.StripeConnection;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
		SandboxApi.authorize(request);
		boolean idle = this.sandbox.awaitDeliveries(Duration.ofSeconds(Math.min(timeoutSeconds, 120)));
		return ResponseEntity.status(idle ? 200 : 504).body(Map.of("idle", idle));
	}

	@PostMapping("/delivery-mode")
	ResponseEntity<Object> deliveryMode(HttpServletRequest request,
			@RequestParam(defaultValue = "false") boolean duplicate,
			@RequestParam(defaultValue = "false") boolean reverse) {
		SandboxApi.authorize(request);
		this.sandbox.deliveryMode(duplicate, reverse);
		return ResponseEntity.ok(Map.of("duplicate", duplicate, "reverse", reverse));
	}

	@PostMapping("/faults")
	ResponseEntity<Object> faults(HttpServletRequest request, @RequestParam(defaultValue = "0") int fail,
			@RequestParam(defaultValue = "0") int slow, @RequestParam(defaultValue = "0") long delayMillis) {
		SandboxApi.authorize(request);
		this.faults.clear();
		if (fail > 0) {
			this.faults.failNext(fail);
		}
		if (slow > 0) {
			this.faults.slowNext(slow, Duration.ofMillis(delayMillis));
		}
		return ResponseEntity.ok(Map.of("fail", fail, "slow", slow, "delayMillis", delayMillis));
	}

	@ExceptionHandler(SandboxError.class)
	ResponseEntity<Object> error(SandboxError error) {
		return error.response();
	}

}
