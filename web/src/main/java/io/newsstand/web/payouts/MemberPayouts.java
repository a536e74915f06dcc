package io.newsstand.web.payouts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A member's own payouts for one month (page and API).
 *
 * @param month
 *            {@code yyyy-MM}
 * @param closed
 *            the month has closed: the split is final
 * @param parts
 *            one per currency the member paid in that month
 * @param reading
 *            what the member read, by publisher
 * @param payments
 *            what the member paid in that month, per currency, and Stripe's fee
 *            on it, as Stripe reports it now (a yearly payment made in an
 *            earlier month has none here, only its twelfth in {@code parts})
 */
public record MemberPayouts(String month, boolean closed, List<Part> parts, List<Reading> reading,
		List<MemberPayments> payments) {

	/** What the member paid in the month in {@code currency}, or null. */
	public @Nullable MemberPayments payment(String currency) {
		return this.payments.stream().filter(payment -> payment.currency().equals(currency)).findFirst().orElse(null);
	}

	/**
	 * @param currency
	 *            ISO code, lower case
	 * @param net
	 *            paid, minus refunds and known fees, minor units
	 * @param netText
	 *            the same, formatted
	 * @param platform
	 *            the platform's share, minor units
	 * @param platformText
	 *            the same, formatted
	 * @param pooled
	 *            nothing read: the rest goes to the pool all members' reading
	 *            splits
	 * @param publishers
	 *            the rest by publisher, largest first
	 */
	public record Part(String currency, long net, String netText, long platform, String platformText, boolean pooled,
			List<Line> publishers) {
	}

	/**
	 * @param publisherId
	 *            the publisher
	 * @param publisherName
	 *            its name
	 * @param amount
	 *            minor units
	 * @param amountText
	 *            the same, formatted
	 */
	public record Line(String publisherId, String publisherName, long amount, String amountText) {
	}

	/**
	 * @param publisherId
	 *            the publisher
	 * @param publisherName
	 *            its name
	 * @param reads
	 *            full reads counted
	 * @param seconds
	 *            reading seconds counted
	 */
	public record Reading(String publisherId, String publisherName, long reads, long seconds) {
	}

}
