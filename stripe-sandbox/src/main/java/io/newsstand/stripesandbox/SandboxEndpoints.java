package io.newsstand.stripesandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What every sandbox API controller shares: the sandbox's own secret key
 * ({@link SandboxKey}), injected faults, {@code Idempotency-Key} on POSTs,
 * parameter checks, Stripe's list pages, and Stripe's error shapes (a malformed
 * call is Stripe's 400, never a 500).
 */
abstract class SandboxEndpoints {

	private static final Logger log = LoggerFactory.getLogger(SandboxEndpoints.class);

	final SandboxResources sandbox;

	private final SandboxFaults faults;

	private final SandboxKey key;

	private final Map<String, CompletableFuture<ResponseEntity<Object>>> idempotent = new ConcurrentHashMap<>();

	SandboxEndpoints(SandboxResources sandbox, SandboxFaults faults, SandboxKey key) {
		this.sandbox = sandbox;
		this.faults = faults;
		this.key = key;
	}

	/** Stripe's page size: {@code limit} from 1 to 100, 10 by default. */
	static int limit(StripeParams params) {
		Long limit = params.getLong("limit");
		if (limit == null) {
			return 10;
		}
		if (limit < 1 || limit > 100) {
			throw SandboxError.invalid("parameter_invalid_integer", "limit",
					"Invalid integer: " + limit + "; must be between 1 and 100.");
		}
		return limit.intValue();
	}

	/**
	 * A list answer of at most {@code limit} items, after {@code starting_after}.
	 */
	static Map<String, Object> list(List<Map<String, Object>> all, StripeParams params, String url) {
		int limit = limit(params);
		String after = params.get("starting_after");
		int start = 0;
		if (after != null) {
			start = -1;
			for (int i = 0; i < all.size() && start < 0; i++) {
				if (after.equals(all.get(i).get("id"))) {
					start = i + 1;
				}
			}
			if (start < 0) {
				throw SandboxError.missing("object", after);
			}
		}
		List<Map<String, Object>> page = all.subList(start, Math.min(all.size(), start + limit));
		return Renderer.list(page, start + limit < all.size(), url);
	}

	Map<String, Object> retrieve(String id, String kind, Class<?> type, HttpServletRequest request) {
		StripeParams params = params(request);
		this.sandbox.get(type, kind, id);
		return this.sandbox.render(id, params.list("expand"));
	}

	static StripeParams params(HttpServletRequest request, String... accepted) {
		return params(request, Set.of(accepted));
	}

	static StripeParams params(HttpServletRequest request, Set<String> accepted) {
		return StripeParams.of(request.getParameterMap(), accepted);
	}

	ResponseEntity<Object> get(HttpServletRequest request, Supplier<Object> action) {
		this.key.check(request);
		this.faults.before(request.getRequestURI());
		ResponseEntity<Object> response = ResponseEntity.ok(action.get());
		this.faults.after(request.getRequestURI());
		return response;
	}

	ResponseEntity<Object> post(HttpServletRequest request, Supplier<Object> action) {
		this.key.check(request);
		this.faults.before(request.getRequestURI());
		String key = request.getHeader("Idempotency-Key");
		ResponseEntity<Object> response;
		if (key == null) {
			response = run(action);
		} else {
			if (this.idempotent.size() > 50_000) {
				this.idempotent.clear();
			}
			CompletableFuture<ResponseEntity<Object>> mine = new CompletableFuture<>();
			CompletableFuture<ResponseEntity<Object>> first = this.idempotent
					.putIfAbsent(request.getRequestURI() + " " + key, mine);
			if (first == null) {
				response = run(action);
				mine.complete(response);
			} else {
				response = first.join();
			}
		}
		this.faults.after(request.getRequestURI());
		return response;
	}

	private static ResponseEntity<Object> run(Supplier<Object> action) {
		try {
			return ResponseEntity.ok(action.get());
		} catch (SandboxError error) {
			return error.response();
		}
	}

	@ExceptionHandler(SandboxError.class)
	ResponseEntity<Object> error(SandboxError error) {
		return error.response();
	}

	/** A value the parameter checks let through but the call cannot use. */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Object> invalid(IllegalArgumentException ex) {
		log.info("Stripe sandbox: invalid request: {}", ex.getMessage());
		return SandboxError.invalid("parameter_invalid", null, "Invalid request: " + ex.getMessage()).response();
	}

	@ExceptionHandler(SandboxFaults.Injected.class)
	ResponseEntity<Object> fault(SandboxFaults.Injected fault) {
		return ResponseEntity.status(500).body(Map.of("error", Map.of("type", "api_error", "message",
				"The sandbox simulated a server error (" + fault.getMessage() + ")")));
	}

}
