package io.newsstand.stripesandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's subscriptions and what they bill, under
 * {@code /sandbox/stripe/v1}: subscriptions, invoices, credit notes and payment
 * intents (see {@link SandboxApi} for the rest of the API).
 */
@RestController
@ConditionalOnStripeSandbox
@RequestMapping(Sandbox.PATH + "/v1")
class SandboxSubscriptionApi extends SandboxEndpoints {

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

	SandboxSubscriptionApi(SandboxResources sandbox, SandboxFaults faults, SandboxKey key) {
		super(sandbox, faults, key);
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

}
