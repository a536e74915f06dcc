package io.newsstand.web.gift;

import java.time.Instant;

/**
 * Someone opened a gifted article in full through its gift link, published once
 * per view (a HEAD opens nothing). The read is the giver's: publisher payouts
 * count it against the giver's membership, as if the giver had read it.
 *
 * @param giftId
 *            the gift link's id
 * @param articleId
 *            the article
 * @param publisherId
 *            its publisher
 * @param giverAccountId
 *            the member who gave the link
 * @param at
 *            when
 */
public record GiftOpened(String giftId, String articleId, String publisherId, String giverAccountId, Instant at) {
}
