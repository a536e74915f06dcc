package io.newsstand.web.payouts;

/**
 * One member's reading of one publisher in one month.
 *
 * @param accountId
 *            the member
 * @param publisherId
 *            the publisher
 * @param reads
 *            full reads, each counted once per re-read window
 * @param seconds
 *            reading seconds reported by the article page, capped per article
 */
public record LedgerEntry(String accountId, String publisherId, long reads, long seconds) {
}
