package io.newsstand.web.paywall;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * THE paywall: the only place that decides whether a reader may read an article
 * in full. In order: a free publisher's article is full for everyone; an
 * anonymous reader gets the teaser; a member (as billing's access rule says)
 * reads in full; a signed-in reader without a membership who confirmed their
 * e-mail address spends the monthly meter (an article already opened this month
 * stays open); otherwise the teaser.
 * <p>
 * Deciding for a metered reader records the article as opened, so call it once
 * per article view, and only when the answer is about to be shown.
 */
@Component
public class Paywall {

	private final Entitlements entitlements;

	private final ReadingMeter meter;

	private final PaywallProperties properties;

	private final VerifiedReaders verifiedReaders;

	/**
	 * Teasers by the whole body they were cut from (a changed body is a new key):
	 * cutting parses the body, and every anonymous view of a popular article asks
	 * for the same teaser. Bounded to about 16 MB.
	 */
	private final Cache<String, String> teasers = Caffeine.newBuilder().maximumWeight(8_000_000)
			.weigher((String body, String teaser) -> body.length() + teaser.length()).build();

	Paywall(Entitlements entitlements, ReadingMeter meter, PaywallProperties properties,
			VerifiedReaders verifiedReaders) {
		this.entitlements = entitlements;
		this.meter = meter;
		this.properties = properties;
		this.verifiedReaders = verifiedReaders;
	}

	public Access decide(Reading reading) {
		return decide(reading, true);
	}

	/**
	 * The same decision without spending the meter, for requests that show no
	 * article (HEAD): a metered reader gets the full article only if it is already
	 * open this month.
	 */
	public Access peek(Reading reading) {
		return decide(reading, false);
	}

	private Access decide(Reading reading, boolean spend) {
		if (reading.freePublisher()) {
			return new Access.Full(Access.FullReason.FREE_PUBLISHER, -1);
		}
		String accountId = reading.accountId();
		if (accountId == null) {
			return new Access.Teaser(Access.TeaserReason.ANONYMOUS, -1);
		}
		if (this.entitlements.mayReadInFull(accountId)) {
			return new Access.Full(Access.FullReason.MEMBER, -1);
		}
		int limit = this.properties.freeArticlesPerMonth();
		if (limit == 0) {
			return new Access.Teaser(Access.TeaserReason.NOT_MEMBER, 0);
		}
		if (!this.verifiedReaders.verified(accountId)) {
			// Otherwise every throwaway account would bring a fresh meter.
			return new Access.Teaser(Access.TeaserReason.UNVERIFIED, 0);
		}
		if (!spend) {
			int left = this.meter.left(accountId, limit);
			return this.meter.alreadyOpened(accountId, reading.articleId())
					? new Access.Full(Access.FullReason.METERED, left)
					: new Access.Teaser(Access.TeaserReason.NOT_MEMBER, left);
		}
		ReadingMeter.Opened opened = this.meter.open(accountId, reading.articleId(), limit);
		return opened.allowed()
				? new Access.Full(Access.FullReason.METERED, opened.left())
				: new Access.Teaser(Access.TeaserReason.METER_EXHAUSTED, 0);
	}

	/**
	 * Free articles the reader has left this month, without opening one (for the
	 * account page and {@code /api/v1/me/membership}); -1 for members.
	 */
	public int freeArticlesLeft(String accountId) {
		if (this.entitlements.mayReadInFull(accountId)) {
			return -1;
		}
		int limit = this.properties.freeArticlesPerMonth();
		return (limit == 0 || !this.verifiedReaders.verified(accountId)) ? 0 : this.meter.left(accountId, limit);
	}

	/**
	 * Whether a search may match and quote article bodies for this reader: only for
	 * members (a metered reader's free articles are chosen one by one, and a search
	 * must not open them). Everyone else's words match only title, author,
	 * standfirst and teaser: a hit, or a count of hits, for a word that only the
	 * body holds would tell that word to a reader who may not read it.
	 */
	public boolean readsBodies(@Nullable String accountId) {
		return accountId != null && this.entitlements.mayReadInFull(accountId);
	}

	/**
	 * The part of an article's body a reader with this access may see: all of it,
	 * or its teaser. Every channel that shows a body cuts it here.
	 */
	public String visibleBody(String bodyHtml, Access access) {
		return access.full() ? bodyHtml : teaser(bodyHtml);
	}

	/** The opening of an article's body that a reader without access sees. */
	public String teaser(String bodyHtml) {
		return this.teasers.get(bodyHtml, body -> Teasers.opening(body, this.properties.teaserShare()));
	}

}
