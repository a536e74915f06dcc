package io.newsstand.stripesandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Not Stripe's: controls for scripts and browser tests under
 * {@code /sandbox/stripe/_control} (the sandbox's secret key, as the API): wait
 * until webhooks are delivered, deliver twice or in reverse, inject failures.
 */
@RestController
@ConditionalOnStripeSandbox
@RequestMapping(Sandbox.PATH + "/_control")
class SandboxControl {

	private final Sandbox sandbox;

	private final SandboxFaults faults;

	private final SandboxKey key;

	SandboxControl(Sandbox sandbox, SandboxFaults faults, SandboxKey key) {
		this.sandbox = sandbox;
		this.faults = faults;
		this.key = key;
	}

	@PostMapping("/await-deliveries")
	ResponseEntity<Object> awaitDeliveries(HttpServletRequest request) throws InterruptedException {
		this.key.check(request);
		long timeoutSeconds = number(request, "timeoutSeconds", 30, 0, 120);
		boolean idle = this.sandbox.awaitDeliveries(Duration.ofSeconds(timeoutSeconds));
		return ResponseEntity.status(idle ? 200 : 504).body(Map.of("idle", idle));
	}

	@PostMapping("/delivery-mode")
	ResponseEntity<Object> deliveryMode(HttpServletRequest request) {
		this.key.check(request);
		boolean duplicate = flag(request, "duplicate");
		boolean reverse = flag(request, "reverse");
		this.sandbox.deliveryMode(duplicate, reverse);
		return ResponseEntity.ok(Map.of("duplicate", duplicate, "reverse", reverse));
	}

	@PostMapping("/faults")
	ResponseEntity<Object> faults(HttpServletRequest request) {
		this.key.check(request);
		int fail = (int) number(request, "fail", 0, 0, 10_000);
		int slow = (int) number(request, "slow", 0, 0, 10_000);
		long delayMillis = number(request, "delayMillis", 0, 0, 120_000);
		this.faults.clear();
		if (fail > 0) {
			this.faults.failNext(fail);
		}
		if (slow > 0) {
			this.faults.slowNext(slow, Duration.ofMillis(delayMillis));
		}
		return ResponseEntity.ok(Map.of("fail", fail, "slow", slow, "delayMillis", delayMillis));
	}

	/**
	 * Parameters are read after the key check, so that a stranger learns nothing
	 * from a 400.
	 */
	private static long number(HttpServletRequest request, String name, long fallback, long min, long max) {
		String value = request.getParameter(name);
		if (value == null || value.isEmpty()) {
			return fallback;
		}
		if (!value.matches("-?\\d{1,18}") || Long.parseLong(value) < min || Long.parseLong(value) > max) {
			throw SandboxError.invalid("parameter_invalid_integer", name,
					"Invalid " + name + ": must be an integer from " + min + " to " + max + ".");
		}
		return Long.parseLong(value);
	}

	private static boolean flag(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		if (value == null || value.isEmpty() || value.equals("false")) {
			return false;
		}
		if (!value.equals("true")) {
			throw SandboxError.invalid("parameter_invalid_boolean", name, "Invalid boolean: " + value);
		}
		return true;
	}

	@ExceptionHandler(SandboxError.class)
	ResponseEntity<Object> error(SandboxError error) {
		return error.response();
	}

}
