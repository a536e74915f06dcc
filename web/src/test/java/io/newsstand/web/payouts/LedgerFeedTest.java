package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisExtension;
import io.newsstand.web.articles.ArticleOpened;
import io.newsstand.web.gift.GiftOpened;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Which reads reach the ledger. */
@ExtendWith(RedisExtension.class)
class LedgerFeedTest {

	private static final Instant AT = Instant.parse("2026-11-14T10:00:00Z");

	private static ArticleOpened opened(String article, String account, boolean full, boolean member) {
		return new ArticleOpened(article, "pub-a", null, account, "a:" + account, "addr", full, AT, member);
	}

	@Test
	void onlyMembershipReadsAndGiftReadsCount(StringRedisTemplate redis) {
		ReadingLedger ledger = new ReadingLedger(redis, ReadingLedgerTest.properties(Duration.ofHours(24)));
		LedgerFeed feed = new LedgerFeed(ledger);
		feed.opened(opened("a1", "member-1", true, true));
		feed.opened(opened("a2", "member-1", true, false));
		feed.opened(opened("a3", "member-1", false, false));
		feed.opened(new ArticleOpened("a4", "pub-a", null, null, "v:x", "addr", true, AT, false));
		feed.giftOpened(new GiftOpened("gift-1", "a5", "pub-b", "member-1", AT));
		feed.giftOpened(new GiftOpened("gift-1", "a5", "pub-b", "member-1", AT.plusSeconds(60)));
		assertThat(ledger.member("member-1", YearMonth.of(2026, 11))).containsExactlyInAnyOrder(
				new LedgerEntry("member-1", "pub-a", 1, 0), new LedgerEntry("member-1", "pub-b", 1, 0));
	}

}
