package io.newsstand.web.payouts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One month's payouts: what members paid, net, split across the publishers they
 * read. Amounts are minor units of their currency. Frozen once the month has
 * closed: stored as computed then, never computed again.
 *
 * @param month
 *            {@code yyyy-MM} (UTC)
 * @param frozen
 *            the month has closed and this is the stored statement
 * @param computedAt
 *            when it was computed
 * @param weighting
 *            what split the money ({@code reads} or {@code reading-time})
 * @param platformShare
 *            the platform's share, 0 to 1
 * @param currencies
 *            totals per currency
 * @param publishers
 *            one line per publisher and currency
 * @param members
 *            one line per paying member and currency
 */
public record Statement(String month, boolean frozen, Instant computedAt, String weighting, BigDecimal platformShare,
		List<CurrencyTotal> currencies, List<PublisherLine> publishers, List<MemberShare> members) {

	/**
	 * Totals of one currency: {@code net = platform + publishers}, to the cent.
	 *
	 * @param currency
	 *            ISO code, lower case
	 * @param net
	 *            paid minus refunds minus fees where known
	 * @param platform
	 *            the platform's share (with any pool nobody's reads could take)
	 * @param publishers
	 *            paid out to publishers
	 * @param pooled
	 *            the part of members who read nothing, split by everyone's reads
	 * @param payingMembers
	 *            members with a net payment in this currency
	 */
	public record CurrencyTotal(String currency, long net, long platform, long publishers, long pooled,
			long payingMembers) {
	}

	/**
	 * @param publisherId
	 *            the publisher
	 * @param currency
	 *            ISO code, lower case
	 * @param reads
	 *            reads by the members who paid in this currency
	 * @param readers
	 *            how many of those members read it
	 * @param amount
	 *            paid out, minor units
	 */
	public record PublisherLine(String publisherId, String currency, long reads, long readers, long amount) {
	}

	/**
	 * @param accountId
	 *            the member
	 * @param currency
	 *            ISO code, lower case
	 * @param net
	 *            their net payment
	 * @param platform
	 *            the platform's share of it
	 * @param pooled
	 *            they read nothing: the rest went to the pool
	 * @param publishers
	 *            the rest by publisher (empty when pooled)
	 */
	public record MemberShare(String accountId, String currency, long net, long platform, boolean pooled,
			Map<String, Long> publishers) {
	}

}
