package io.newsstand.billing.internal;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerRetrieveParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.PriceRetrieveParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every Stripe call billing makes, through one {@link StripeClient} (network
 * retries, 5 s connect and 20 s read timeouts by default); {@link StripeModels}
 * maps the answers to {@link StripeRecords}. Failures become
 * {@link StripeRecords.Failure}, which says whether trying again may help.
 */
@Component
class StripeGateway {

	private final StripeConnection connection;

	private final BillingProperties properties;

	private volatile @Nullable StripeClient client;

	StripeGateway(StripeConnection connection, BillingProperties properties) {
		this.connection = connection;
		this.properties = properties;
	}

	private StripeClient client() {
		StripeClient current = this.client;
		if (current == null) {
			synchronized (this) {
				current = this.client;
				if (current == null) {
					current = StripeClient.builder().setApiKey(this.connection.secretKey())
							.setApiBase(this.connection.apiBase().get())
							.setMaxNetworkRetries(this.properties.maxNetworkRetries())
							.setConnectTimeout((int) this.properties.connectTimeout().toMillis())
							.setReadTimeout((int) this.properties.readTimeout().toMillis()).build();
					this.client = current;
				}
			}
		}
		return current;
	}

	private static RequestOptions idempotent(String key) {
		return RequestOptions.builder().setIdempotencyKey(key).build();
	}

	@FunctionalInterface
	private interface Call<T> {

		T run() throws StripeException;

	}

	private static <T> T call(String what, Call<T> call) {
		try {
			return call.run();
		} catch (ApiConnectionException | RateLimitException ex) {
			throw new StripeRecords.Failure(what + ": " + ex.getMessage(), true, ex.getCode(), ex);
		} catch (ApiException ex) {
			throw new StripeRecords.Failure(what + ": " + ex.getMessage(), true, ex.getCode(), ex);
		} catch (StripeException ex) {
			Integer status = ex.getStatusCode();
			boolean retryable = status != null && (status >= 500 || status == 409 || status == 429);
			throw new StripeRecords.Failure(what + ": " + ex.getMessage(), retryable, ex.getCode(), ex);
		}
	}

	// ---- customers ----

	String createTestClock(String accountId, long frozenTime, String idempotencyKey) {
		return call("create test clock",
				() -> client().v1().testHelpers().testClocks().create(TestClockCreateParams.builder()
						.setFrozenTime(frozenTime).setName("account " + accountId).build(), idempotent(idempotencyKey)))
				.getId();
	}

	long testClockTime(String clockId) {
		TestClock clock = call("retrieve test clock", () -> client().v1().testHelpers().testClocks().retrieve(clockId));
		return Objects.requireNonNull(clock.getFrozenTime());
	}

	StripeRecords.Customer createCustomer(String accountId, String email, @Nullable String testClock,
			String idempotencyKey) {
		CustomerCreateParams.Builder params = CustomerCreateParams.builder().setEmail(email).putMetadata("accountId",
				accountId);
		if (testClock != null) {
			params.setTestClock(testClock);
		}
		return StripeModels.customer(call("create customer",
				() -> client().v1().customers().create(params.build(), idempotent(idempotencyKey))));
	}

	StripeRecords.Customer customer(String customerId) {
		// The test clock comes along (test mode), saving a call per sync.
		return StripeModels.customer(call("retrieve customer", () -> client().v1().customers().retrieve(customerId,
				CustomerRetrieveParams.builder().addExpand("test_clock").build(), null)));
	}

	/**
	 * The customer, or null when Stripe does not know it
	 * ({@code resource_missing}).
	 */
	StripeRecords.@Nullable Customer customerIfExists(String customerId) {
		try {
			return customer(customerId);
		} catch (StripeRecords.Failure failure) {
			if ("resource_missing".equals(failure.code())) {
				return null;
			}
			throw failure;
		}
	}

	@Nullable
	String cardFingerprint(String paymentMethodId) {
		PaymentMethod method = call("retrieve payment method",
				() -> client().v1().paymentMethods().retrieve(paymentMethodId));
		return (method.getCard() == null) ? null : method.getCard().getFingerprint();
	}

	// ---- prices ----

	/**
	 * Resolves a configured plan: a price id ({@code price_...}) or a lookup key.
	 */
	StripeRecords.Price price(String idOrLookupKey) {
		com.stripe.model.Price price;
		if (idOrLookupKey.startsWith("price_")) {
			price = call("retrieve price " + idOrLookupKey, () -> client().v1().prices().retrieve(idOrLookupKey,
					PriceRetrieveParams.builder().addExpand("product").build()));
		} else {
			List<com.stripe.model.Price> found = call("find price " + idOrLookupKey,
					() -> client().v1().prices().list(PriceListParams.builder().addLookupKey(idOrLookupKey)
							.setActive(true).addExpand("data.product").build()))
					.getData();
			if (found.isEmpty()) {
				throw new StripeRecords.Failure("No active Stripe price has lookup key " + idOrLookupKey, false,
						"resource_missing", null);
			}
			price = found.get(0);
		}
		return StripeModels.price(price);
	}

	// ---- checkout and portal ----

	StripeRecords.Session createCheckout(String customerId, String accountId, String priceId, int trialDays,
			boolean cardless, String successUrl, String cancelUrl, String idempotencyKey) {
		SessionCreateParams params = StripeModels.checkoutParams(customerId, accountId, priceId, trialDays, cardless,
				successUrl, cancelUrl);
		return StripeModels.session(call("create checkout session",
				() -> client().v1().checkout().sessions().create(params, idempotent(idempotencyKey))));
	}

	StripeRecords.Session checkoutSession(String sessionId) {
		return StripeModels.session(
				call("retrieve checkout session", () -> client().v1().checkout().sessions().retrieve(sessionId)));
	}

	void expireCheckout(String sessionId) {
		call("expire checkout session", () -> client().v1().checkout().sessions().expire(sessionId));
	}

	String portal(String customerId, String returnUrl) {
		return call("create portal session",
				() -> client().v1().billingPortal().sessions().create(com.stripe.param.billingportal.SessionCreateParams
						.builder().setCustomer(customerId).setReturnUrl(returnUrl).build()))
				.getUrl();
	}

	// ---- subscriptions ----

	List<StripeRecords.Subscription> subscriptions(String customerId) {
		return call("list subscriptions",
				() -> client().v1().subscriptions()
						.list(SubscriptionListParams.builder().setCustomer(customerId)
								.setStatus(SubscriptionListParams.Status.ALL).setLimit(20L).build()))
				.getData().stream().map(StripeModels::subscription).toList();
	}

	/**
	 * Whether the subscription has ever paid money: an invoice of it is
	 * {@code paid} with a non-zero {@code amount_paid}. A trial's $0 invoice does
	 * not count, so a trial whose first charge failed has never paid.
	 */
	boolean hasPaidInvoice(String subscriptionId) {
		// Stripe lists newest first; one page of 100 covers eight years of monthly
		// invoices, and a paid one is the rule rather than the exception.
		return call("list paid invoices",
				() -> client().v1().invoices()
						.list(InvoiceListParams.builder().setSubscription(subscriptionId)
								.setStatus(InvoiceListParams.Status.PAID).setLimit(100L).build()))
				.getData().stream().anyMatch(invoice -> Objects.requireNonNullElse(invoice.getAmountPaid(), 0L) > 0);
	}

	/**
	 * Every paid invoice created in {@code [from, to)} (epoch seconds), of one
	 * customer or of all, page by page.
	 */
	List<StripeRecords.Invoice> paidInvoices(long from, long to, @Nullable String customer) {
		List<StripeRecords.Invoice> invoices = new ArrayList<>();
		String after = null;
		while (true) {
			InvoiceListParams.Builder params = InvoiceListParams.builder().setStatus(InvoiceListParams.Status.PAID)
					.setCreated(InvoiceListParams.Created.builder().setGte(from).setLt(to).build()).setLimit(100L)
					.addExpand(InvoiceFees.EXPAND);
			if (customer != null) {
				params.setCustomer(customer);
			}
			if (after != null) {
				params.setStartingAfter(after);
			}
			var page = call("list paid invoices", () -> client().v1().invoices().list(params.build()));
			for (com.stripe.model.Invoice i : page.getData()) {
				invoices.add(StripeModels.invoice(i, this::paymentIntentWithFee));
				after = i.getId();
			}
			if (!Boolean.TRUE.equals(page.getHasMore()) || page.getData().isEmpty()) {
				return invoices;
			}
		}
	}

	/** A payment intent with its charge's balance transaction: where the fee is. */
	private PaymentIntent paymentIntentWithFee(String id) {
		return call("retrieve payment intent", () -> client().v1().paymentIntents().retrieve(id,
				PaymentIntentRetrieveParams.builder().addExpand(InvoiceFees.INTENT_EXPAND).build()));
	}

	void cancelAtPeriodEnd(String subscriptionId, boolean cancel) {
		update(subscriptionId, SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancel).build());
	}

	void endTrialNow(String subscriptionId) {
		update(subscriptionId,
				SubscriptionUpdateParams.builder().setTrialEnd(SubscriptionUpdateParams.TrialEnd.NOW).build());
	}

	void switchPrice(String subscriptionId, String itemId, String priceId) {
		update(subscriptionId,
				SubscriptionUpdateParams.builder()
						.addItem(SubscriptionUpdateParams.Item.builder().setId(itemId).setPrice(priceId).build())
						.setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS).build());
	}

	private void update(String subscriptionId, SubscriptionUpdateParams params) {
		call("update subscription", () -> client().v1().subscriptions().update(subscriptionId, params));
	}

	void cancelNow(String subscriptionId) {
		call("cancel subscription", () -> client().v1().subscriptions().cancel(subscriptionId));
	}

	// ---- webhooks ----

	/**
	 * Verifies a webhook's signature against the configured secret and tolerance
	 * and reads the event's id, type and customer.
	 */
	StripeRecords.Event verify(String payload, String signature) {
		Event event;
		try {
			event = client().constructEvent(payload, signature, this.connection.webhookSecret(),
					this.properties.webhookTolerance().toSeconds());
		} catch (SignatureVerificationException ex) {
			throw new StripeRecords.BadSignature(ex.getMessage());
		} catch (RuntimeException ex) {
			// A correctly signed body that Gson cannot read (JsonSyntaxException) is as
			// useless as a forged one: reject it without side effects.
			throw new StripeRecords.BadSignature("unreadable event: " + ex.getMessage());
		}
		return new StripeRecords.Event(event.getId(), event.getType(), StripeModels.customerOf(event));
	}

}
