package io.newsstand.stripesandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * ({@link SandboxKey}); a malformed call is Stripe's 400, never a 500. This
 * class serves customers, payment methods, prices, products, checkout and
 * portal sessions and test clocks; {@link SandboxSubscriptionApi} serves
 * subscriptions and invoices, and {@link SandboxEndpoints} holds what both
 * share.
 */
@RestController
@ConditionalOnStripeSandbox
@RequestMapping(Sandbox.PATH + "/v1")
class SandboxApi extends SandboxEndpoints {

	private static final Set<String> SESSION_CREATE = Set.of("mode:payment|setup|subscription", "customer",
			"customer_email", "client_reference_id", "line_items.#.price", "line_items.#.quantity:int",
			"subscription_data.trial_period_days:int", "subscription_data.trial_end:int",
			"subscription_data.trial_settings.end_behavior.missing_payment_method:cancel|create_invoice|pause",
			"subscription_data.metadata.*", "payment_method_collection:always|if_required", "success_url", "cancel_url",
			"allow_promotion_codes:bool", "metadata.*", "expires_at:int", "locale");

	SandboxApi(SandboxResources sandbox, SandboxFaults faults, SandboxKey key) {
		super(sandbox, faults, key);
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

}
