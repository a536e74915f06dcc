package io.newsstand.web.gift;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The member's gifts page: this month's allowance and each link.
 *
 * @param perMonth
 *            gifts per month
 * @param left
 *            gifts left this month
 * @param items
 *            the links, newest first
 * @param given
 *            the link just given (or given again), to show on top
 * @param fresh
 *            whether {@code given} is new (it cost a gift)
 * @param member
 *            whether the reader may give gifts now
 */
public record GiftListView(int perMonth, int left, List<Item> items, @Nullable Item given, boolean fresh,
		boolean member) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
			.withZone(ZoneOffset.UTC);

	/** "7 of 10 gifts left this month". */
	public String allowance() {
		return this.left + " of " + this.perMonth + " gifts left this month";
	}

	/**
	 * One link.
	 *
	 * @param id
	 *            its id
	 * @param url
	 *            the absolute link to share
	 * @param articleId
	 *            the article
	 * @param title
	 *            its title (or the id if it is gone)
	 * @param expiresAt
	 *            when it stops working
	 * @param expired
	 *            whether it already did
	 */
	public record Item(String id, String url, String articleId, String title, Instant expiresAt, boolean expired) {

		public String expires() {
			return DAY.format(this.expiresAt);
		}

	}

}
