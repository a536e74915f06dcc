package io.newsstand.stripesandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Stripe REST API subset billing calls, under {@code /sandbox/stripe/v1}:
 * form-encoded requests in Stripe's bracket notation, validated per endpoint,
 * answered with Stripe's JSON and error shapes. POSTs honour
 * {@code Idempotency-Key}. Only the sandbox's own secret key is accepted
 * ({@link SandboxKey}); a malformed call is Stripe's 400, never a 500.
 */
@RestController
@ConditionalOnStripeSandbox
@RequestMapping(Sandbox.PATH + "/v1")
class SandboxApi {

	private static final Set<String> SESSION_CREATE = Set.of("mode:payment|setup|subscription", "customer",
			"customer_email", "client_reference_id", "line_items.#.price", "line_items.#.quantity:int",
			"subscription_data.trial_period_days:int", "subscription_data.trial_end:int",
			"subscription_data.trial_settings.end_behavior.missing_payment_method:cancel|create_invoice|pause",
			"subscription_data.metadata.*", "payment_method_collection:always|if_required", "success_url", "cancel_url",
			"allow_promotion_codes:bool", "metadata.*", "expires_at:int", "locale");

	private static final Set<String> SUBSCRIPTION_UPDATE = Set.of("cancel_at_period_end:bool", "trial_end:now|int",
			"items.#.id", "items.#.price", "items.#.quantity:int",
			"proration_behavior:always_invoice|create_prorations|none", "default_payment_method", "metadata.*",
			"payment_behavior:allow_incomplete|default_incomplete|error_if_incomplete|pending_if_incomplete");

	private static final Set<String> INVOICE_LIST = Set.of("customer", "subscription",
			"status:draft|open|paid|uncollectible|void", "limit:int", "starting_after", "ending_before",
			"created.gte:int", "created.lt:int", "created.gt:int", "created.lte:int");

	private static final Set<String> SUBSCRIPTION_LIST = Set.of(
			"status:active|all|canceled|ended|incomplete|incomplete_expired|past_due|paused|trialing|unpaid",
			"customer", "price", "limit:int", "starting_after", "ending_before", "test_clock");

	private static final Logger log = LoggerFactory.getLogger(SandboxApi.class);

	private final SandboxResources sandbox;

	private final SandboxFaults faults;

	private final SandboxKey key;

	private final Map<String, CompletableFuture<ResponseEntity<Object>>> idempotent = new ConcurrentHashMap<>();

	SandboxApi(SandboxResources sandbox, SandboxFaults faults, SandboxKey key) {
		this.sandbox = sandbox;
		this.faults = faults;
		this.key = key;
	}

	@PostMapping("/customers")
	ResponseEntity<Object> createCustomer(HttpServletRequest request) {
		return post(request, () -> this.sandbox.customers().createCustomer(params(request, "email", "name",
				"metadata.*", "test_clock", "description", "payment_method", "phone")));
	}

	@PostMapping("/customers/{id}")
	ResponseEntity<Object> updateCustomer(@PathVariable String id, HttpServletRequest request) {
		return post(request, () -> this.sandbox.customers().updateCustomer(id, params(request, "email", "name",
				"metadata.*", "invoice_settings.default_payment_method", "description")));
	}

	@DeleteMapping("/customers/{id}")
	ResponseEntity<Object> deleteCustomer(@PathVariable String id, HttpServletRequest request) {
		return post(request, () -> {
			params(request);
			return this.sandbox.customers().deleteCustomer(id);
		});
	}

	@GetMapping("/customers/{id}")
	ResponseEntity<Object> customer(@PathVariable String id, HttpServletRequest request) {
		return get(request, () -> retrieve(id, "customer", Model.Customer.class, request));
	}

	@GetMapping("/customers")
	ResponseEntity<Object> customers(HttpServletRequest request) {
		return get(request, () -> {
			StripeParams params = params(request, "email", "limit:int", "starting_after", "test_clock");
			String email = params.get("email");
			if (email == null) {
				SandboxStore.Page page = this.sandbox.page("customer", limit(params), params.get("starting_after"),
						params.list("expand"));
				return Renderer.list(page.data(), page.hasMore(), "/v1/customers");
			}
			return list(this.sandbox.renderAll(Model.Customer.class, SandboxKeys.email(email), customer -> true,
					params.list("expand")), params, "/v1/customers");
		});
	}

	@PostMapping("/payment_methods/{id}/attach")
	ResponseEntity<Object> attach(@PathVariable String id, HttpServletRequest request) {
		return post(request, () -> this.sandbox.customers().attachPaymentMethod(id,
				params(request, "customer").require("customer")));
	}

	@GetMapping("/payment_methods/{id}")
	ResponseEntity<Object> paymentMethod(@PathVariable String id, HttpServletRequest request) {
		return get(request, () -> retrieve(id, "PaymentMethod", Model.PaymentMethod.class, request));
	}

	@GetMapping("/prices")
	ResponseEntity<Object> prices(HttpServletRequest request) {
		return get(request, () -> {
			StripeParams params = params(request, "active:bool", "lookup_keys.#", "product", "type:one_time|recurring",
					"limit:int", "currency");
			List<String> keys = params.list("lookup_keys");
			return list(
					this.sandbox.renderAll(Model.Price.class, "price",
							price -> keys.isEmpty() || keys.contains(price.lookupKey), params.list("expand")),
					params, "/v1/prices");
		});
	}

	@GetMapping("/prices/{id}")
	ResponseEntity<Object> price(@PathVariable String id, HttpServletRequest request) {
		return get(request, () -> retrieve(id, "price", Model.Price.class, request));
	}

	@GetMapping("/products/{id}")
	ResponseEntity<Object> product(@PathVariable String id, HttpServletRequest request) {
		return get(request, () -> retrieve(id, "product", Model.Product.class, request));
	}

	@PostMapping("/checkout/sessions")
	ResponseEntity<Object> createSession(HttpServletRequest request) {
		return post(request, () -> this.sandbox.checkout().createSession(params(request, SESSION_CREATE)));
	}

	@GetMapping("/checkout/sessions/{id}")
	ResponseEntity<Object> session(@PathVariable String id, HttpServletRequest request) {
		return get(request, () -> retrieve(id, "checkout.session", Model.Session.class, request));
	}

	@PostMapping("/checkout/sessions/{id}/expire")
	ResponseEntity<Object> expireSession(@PathVariable String id, HttpServletRequest request) {
		return post(request, () -> {
			params(request);
			return this.sandbox.checkout().expireSession(id);
		});
	}

	/** Not Stripe's: completes a session as the hosted page would. */
	@PostMapping("/test_helpers/checkout/sessions/{id}/complete")
	ResponseEntity<Object> completeSession(@PathVariable String id, HttpServletRequest request) {
		return post(request, () -> this.sandbox.checkout().completeSession(id,
				params(request, "payment_method").get("payment_method")));
	}

	@GetMapping("/subscriptions")
	ResponseEntity<Object> subscriptions(HttpServletRequest request) {
		return get(request, () -> {
			StripeParams params = params(request, SUBSCRIPTION_LIST);
			// The sandbox lists the subscriptions of one customer (all billing asks for).
			String customer = params.require("customer");
			String status = Objects.requireNonNullElse(params.get("status"), "");
			String price = params.get("price");
			return list(this.sandbox.renderAll(Model.Subscription.class, "subscriptions:" + customer,
					s -> (price == null || price.equals(s.price)) && statusMatches(status, s.status),
					params.list("expand")), params, "/v1/subscriptions");
		});
	}

	/** Stripe's page size: {@code limit} from 1 to 100, 10 by default. */
	private static int limit(StripeParams params) {
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
	private static Map<String, Object> list(List<Map<String, Object>> all, StripeParams params, String url) {
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

	private static boolean statusMatches(String wanted, String status) {
		return switch (wanted) {
			case "" -> !Model.Subscription.ended(status);
			case "all" -> true;
			case "ended" -> Model.Subscription.ended(status);
			default -> wanted.equals(status);
		};
	}

	@GetMapping("/subscriptions/{id}")
	ResponseEntity<Object> subscription(@PathVariable String id, HttpServletRequest request) {
		return get(request, () -> retrieve(id, "subscription", Model.Subscription.class, request));
	}

	@PostMapping("/subscriptions/{id}")
	ResponseEntity<Object> updateSubscription(@PathVariable String id, HttpServletRequest request) {
		return post(request,
				() -> this.sandbox.subscriptions().updateSubscription(id, params(request, SUBSCRIPTION_UPDATE)));
	}

	@PostMapping("/subscriptions/{id}/resume")
	ResponseEntity<Object> resumeSubscription(@PathVariable String id, HttpServletRequest request) {
		return post(request, () -> {
			params(request, "billing_cycle_anchor:now|unchanged", "proration_behavior");
			return this.sandbox.subscriptions().resumeSubscription(id);
		});
	}

	@DeleteMapping("/subscriptions/{id}")
	ResponseEntity<Object> cancelSubscription(@PathVariable String id, HttpServletRequest request) {
		return post(request, () -> {
			params(request, "invoice_now:bool", "prorate:bool", "cancellation_details.comment",
					"cancellation_details.feedback");
			return this.sandbox.subscriptions().cancelSubscription(id);
		});
	}

	/**
	 * Stripe's invoice list, filtered by customer, subscription and status (sync
	 * asks whether a subscription has ever paid).
	 */
	@GetMapping("/invoices")
	ResponseEntity<Object> invoices(HttpServletRequest request) {
		return get(request, () -> {
			StripeParams params = params(request, INVOICE_LIST);
			String customer = params.get("customer");
			String subscription = params.get("subscription");
			String status = params.get("status");
			String index = (subscription != null)
					? "invoices-of:" + subscription
					: (customer != null) ? "invoices:" + customer : "invoices";
			// created[gt] and created[lte] as the half-open range [from, to).
			long from = Math.max(bound(params, "created.gte", Long.MIN_VALUE),
					bound(params, "created.gt", Long.MIN_VALUE + 1) + 1);
			long to = Math.min(bound(params, "created.lt", Long.MAX_VALUE),
					bound(params, "created.lte", Long.MAX_VALUE - 1) + 1);
			return list(this.sandbox.renderAll(Model.Invoice.class, index,
					i -> (customer == null || customer.equals(i.customer))
							&& (status == null || status.equals(i.status)) && i.created >= from && i.created < to,
					params.list("expand")), params, "/v1/invoices");
		});
	}

	private static long bound(StripeParams params, String key, long otherwise) {
		String value = params.get(key);
		return (value == null) ? otherwise : Long.parseLong(value);
	}

	/** A credit note on a paid invoice: how a refund shows on the invoice. */
	@PostMapping("/credit_notes")
	ResponseEntity<Object> creditNote(HttpServletRequest request) {
		return post(request, () -> this.sandbox.creditNotes()
				.create(params(request, "invoice", "amount:int", "refund_amount:int", "reason", "memo", "metadata.*")));
	}

	@GetMapping("/invoices/{id}")
	ResponseEntity<Object> invoice(@PathVariable String id, HttpServletRequest request) {
		return get(request, () -> retrieve(id, "invoice", Model.Invoice.class, request));
	}

	/** Where an invoice's fee is found: its charge's balance transaction. */
	@GetMapping("/payment_intents/{id}")
	ResponseEntity<Object> paymentIntent(@PathVariable String id, HttpServletRequest request) {
		return get(request, () -> retrieve(id, "payment_intent", Payments.PaymentIntent.class, request));
	}

	@PostMapping("/billing_portal/sessions")
	ResponseEntity<Object> portal(HttpServletRequest request) {
		return post(request, () -> this.sandbox.subscriptions().createPortalSession(
				params(request, "customer", "return_url", "configuration", "locale", "flow_data.type")));
	}

	@PostMapping("/test_helpers/test_clocks")
	ResponseEntity<Object> createClock(HttpServletRequest request) {
		return post(request, () -> this.sandbox.clocks().createClock(params(request, "frozen_time:int", "name")));
	}

	@GetMapping("/test_helpers/test_clocks/{id}")
	ResponseEntity<Object> clock(@PathVariable String id, HttpServletRequest request) {
		return get(request, () -> retrieve(id, "test_clock", Model.TestClock.class, request));
	}

	@PostMapping("/test_helpers/test_clocks/{id}/advance")
	ResponseEntity<Object> advanceClock(@PathVariable String id, HttpServletRequest request) {
		return post(request, () -> this.sandbox.clocks().advanceClock(id,
				Long.parseLong(params(request, "frozen_time:int").require("frozen_time"))));
	}

	private Map<String, Object> retrieve(String id, String kind, Class<?> type, HttpServletRequest request) {
		StripeParams params = params(request);
		this.sandbox.get(type, kind, id);
		return this.sandbox.render(id, params.list("expand"));
	}

	private static StripeParams params(HttpServletRequest request, String... accepted) {
		return params(request, Set.of(accepted));
	}

	private static StripeParams params(HttpServletRequest request, Set<String> accepted) {
		return StripeParams.of(request.getParameterMap(), accepted);
	}

	private ResponseEntity<Object> get(HttpServletRequest request, Supplier<Object> action) {
		this.key.check(request);
		this.faults.before(request.getRequestURI());
		ResponseEntity<Object> response = ResponseEntity.ok(action.get());
		this.faults.after(request.getRequestURI());
		return response;
	}

	private ResponseEntity<Object> post(HttpServletRequest request, Supplier<Object> action) {
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
