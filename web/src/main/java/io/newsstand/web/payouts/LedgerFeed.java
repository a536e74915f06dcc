package io.newsstand.web.payouts;

import io.newsstand.web.articles.ArticleOpened;
import io.newsstand.web.gift.GiftOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@link ReadingLedger}: a member's full read that their membership
 * opened (not a free publisher's article, not a metered read), and a gift read,
 * which counts as the giver's read. A gift opened several times within the
 * re-read window counts once for the giver, as the giver's own re-read would.
 */
@Component
class LedgerFeed {

	private final ReadingLedger ledger;

	LedgerFeed(ReadingLedger ledger) {
		this.ledger = ledger;
	}

	@EventListener
	void opened(ArticleOpened event) {
		String accountId = event.accountId();
		if (accountId != null && event.full() && event.member()) {
			this.ledger.read(accountId, event.publisherId(), event.articleId(), event.at());
		}
	}

	@EventListener
	void giftOpened(GiftOpened event) {
		this.ledger.read(event.giverAccountId(), event.publisherId(), event.articleId(), event.at());
	}

}
