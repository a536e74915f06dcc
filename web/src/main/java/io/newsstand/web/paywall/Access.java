package io.newsstand.web.paywall;

/**
 * What the paywall decided for one reader and one article. Every channel (the
 * article page, the JSON API, meta tags, structured data) shows the body only
 * for {@link Full}.
 */
public sealed interface Access {

	/** Whether the full body may be sent. */
	default boolean full() {
		return this instanceof Full;
	}

	/**
	 * The whole article.
	 *
	 * @param reason
	 *            why
	 * @param freeArticlesLeft
	 *            for a metered reader, free articles left this month after this
	 *            one; -1 when no meter applies
	 */
	record Full(FullReason reason, int freeArticlesLeft) implements Access {
	}

	/**
	 * The teaser only.
	 *
	 * @param reason
	 *            why
	 * @param freeArticlesLeft
	 *            free articles left this month (0 when the meter is used up or off,
	 *            -1 for an anonymous reader)
	 */
	record Teaser(TeaserReason reason, int freeArticlesLeft) implements Access {
	}

	enum FullReason {

		/** The publisher makes its articles free. */
		FREE_PUBLISHER("free"),

		/** A membership (trialing, active, cancelling, within grace) allows it. */
		MEMBER("member"),

		/** One of the month's free articles (or one already opened this month). */
		METERED("metered");

		private final String code;

		FullReason(String code) {
			this.code = code;
		}

		/** As the JSON API spells it. */
		public String code() {
			return this.code;
		}

	}

	enum TeaserReason {

		/** Not signed in. */
		ANONYMOUS("anonymous"),

		/** Signed in, no membership, and no meter (it is set to 0). */
		NOT_MEMBER("not-member"),

		/** Signed in, no membership, this month's free articles are used. */
		METER_EXHAUSTED("meter-exhausted"),

		/**
		 * Signed in, no membership, and the e-mail address is not confirmed yet: the
		 * meter starts once it is.
		 */
		UNVERIFIED("unverified");

		private final String code;

		TeaserReason(String code) {
			this.code = code;
		}

		/** As the JSON API spells it. */
		public String code() {
			return this.code;
		}

	}

}
