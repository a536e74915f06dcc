package io.newsstand.billing.internal;

import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Product;
import com.stripe.model.StripeObject;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps stripe-java's models to {@link StripeRecords} (with {@link InvoiceFees},
 * the one place that reads them) and builds the checkout's parameters;
 * {@link StripeGateway} makes the calls.
 */
final class StripeModels {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StripeModels() {
	}

	static StripeRecords.Customer customer(com.stripe.model.Customer customer) {
		Map<String, String> metadata = customer.getMetadata();
		return new StripeRecords.Customer(customer.getId(), customer.getEmail(),
				(metadata == null) ? null : metadata.get("accountId"), customer.getTestClock(),
				(customer.getTestClockObject() == null) ? null : customer.getTestClockObject().getFrozenTime(),
				(customer.getInvoiceSettings() == null)
						? null
						: customer.getInvoiceSettings().getDefaultPaymentMethod(),
				Boolean.TRUE.equals(customer.getDeleted()));
	}

	static StripeRecords.Price price(com.stripe.model.Price price) {
		Product product = price.getProductObject();
		return new StripeRecords.Price(price.getId(), price.getLookupKey(),
				Objects.requireNonNullElse(price.getUnitAmount(), 0L), price.getCurrency(),
				(price.getRecurring() == null) ? "month" : price.getRecurring().getInterval(),
				(product == null) ? "Membership" : product.getName());
	}

	static StripeRecords.Session session(com.stripe.model.checkout.Session session) {
		Map<String, String> metadata = session.getMetadata();
		return new StripeRecords.Session(session.getId(), session.getUrl(), session.getStatus(), session.getCustomer(),
				session.getClientReferenceId(), (metadata == null) ? null : metadata.get("price"));
	}

	static StripeRecords.Subscription subscription(com.stripe.model.Subscription s) {
		SubscriptionItem item = (s.getItems() == null || s.getItems().getData().isEmpty())
				? null
				: s.getItems().getData().get(0);
		return new StripeRecords.Subscription(s.getId(), s.getCustomer(), SubscriptionStatus.of(s.getStatus()),
				(item == null) ? null : item.getId(),
				(item == null || item.getPrice() == null) ? null : item.getPrice().getId(), s.getTrialStart(),
				s.getTrialEnd(), (item == null) ? null : item.getCurrentPeriodStart(),
				(item == null) ? null : item.getCurrentPeriodEnd(), Boolean.TRUE.equals(s.getCancelAtPeriodEnd()),
				s.getDefaultPaymentMethod(), Objects.requireNonNullElse(s.getCreated(), 0L));
	}

	/**
	 * A paid invoice, its fee read through {@code intents} when the invoice does
	 * not carry it.
	 */
	static StripeRecords.Invoice invoice(com.stripe.model.Invoice i, Function<String, PaymentIntent> intents) {
		return new StripeRecords.Invoice(i.getId(), i.getCustomer(), i.getCurrency(),
				Objects.requireNonNullElse(i.getAmountPaid(), 0L),
				Objects.requireNonNullElse(i.getPostPaymentCreditNotesAmount(), 0L),
				Objects.requireNonNullElse(i.getCreated(), 0L),
				(i.getStatusTransitions() == null) ? null : i.getStatusTransitions().getPaidAt(),
				InvoiceFees.of(i, intents), linePeriod(i, true), linePeriod(i, false));
	}

	/**
	 * The service period of the invoice's first line (a membership invoice has
	 * one): what a yearly payment pays for.
	 */
	private static @Nullable Long linePeriod(com.stripe.model.Invoice invoice, boolean start) {
		if (invoice.getLines() == null || invoice.getLines().getData() == null
				|| invoice.getLines().getData().isEmpty()) {
			return null;
		}
		var period = invoice.getLines().getData().get(0).getPeriod();
		return (period == null) ? null : start ? period.getStart() : period.getEnd();
	}

	/**
	 * The customer an event is about; read from the raw JSON if the SDK cannot map
	 * its version.
	 */
	static @Nullable String customerOf(Event event) {
		StripeObject object = event.getDataObjectDeserializer().getObject().orElse(null);
		String customer = switch (object) {
			case com.stripe.model.Subscription s -> s.getCustomer();
			case com.stripe.model.Invoice i -> i.getCustomer();
			case com.stripe.model.checkout.Session s -> s.getCustomer();
			case com.stripe.model.Customer c -> c.getId();
			case null, default -> null;
		};
		if (customer != null) {
			return customer;
		}
		JsonNode raw = JSON.readTree(event.getDataObjectDeserializer().getRawJson());
		JsonNode node = "customer".equals(raw.path("object").asString("")) ? raw.get("id") : raw.get("customer");
		return (node == null || !node.isString()) ? null : node.asString();
	}

	/**
	 * A subscription checkout for one account and price: a trial of
	 * {@code trialDays} when positive, without asking for a card when
	 * {@code cardless} (the trial then cancels if no card was added).
	 */
	static SessionCreateParams checkoutParams(String customerId, String accountId, String priceId, int trialDays,
			boolean cardless, String successUrl, String cancelUrl) {
		SessionCreateParams.SubscriptionData.Builder subscription = SessionCreateParams.SubscriptionData.builder()
				.putMetadata("accountId", accountId);
		SessionCreateParams.Builder params = SessionCreateParams.builder()
				.setMode(SessionCreateParams.Mode.SUBSCRIPTION).setCustomer(customerId).setClientReferenceId(accountId)
				.setAllowPromotionCodes(true)
				.addLineItem(SessionCreateParams.LineItem.builder().setPrice(priceId).setQuantity(1L).build())
				.setSuccessUrl(successUrl).setCancelUrl(cancelUrl).putMetadata("accountId", accountId)
				.putMetadata("price", priceId);
		if (trialDays > 0) {
			subscription.setTrialPeriodDays((long) trialDays);
			if (cardless) {
				params.setPaymentMethodCollection(SessionCreateParams.PaymentMethodCollection.IF_REQUIRED);
				subscription.setTrialSettings(SessionCreateParams.SubscriptionData.TrialSettings.builder()
						.setEndBehavior(SessionCreateParams.SubscriptionData.TrialSettings.EndBehavior.builder()
								.setMissingPaymentMethod(
										SessionCreateParams.SubscriptionData.TrialSettings.EndBehavior.MissingPaymentMethod.CANCEL)
								.build())
						.build());
			}
		}
		params.setSubscriptionData(subscription.build());
		return params.build();
	}

}
