package io.newsstand.web.gift;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.account.Account;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.redis.GiftKeys;
import io.newsstand.web.site.SiteTest;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Gift links in the real (embedded) Redis: the monthly allowance, the same
 * article twice, revocation, expiry, deletion with the account, and keys that
 * work on Redis Cluster.
 */
@ResourceLock(SiteTest.CLOCK)
class GiftLinksTest extends SiteTest {

	@Autowired
	GiftLinks gifts;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	AccountStore accounts;

	private static String giver() {
		return UUID.randomUUID().toString();
	}

	private GiftLinks.Given given(String giver, String articleId) {
		return (GiftLinks.Given) this.gifts.give(giver, articleId, "Alex");
	}

	@Test
	void eachNewArticleCostsOneGiftAndTheSameArticleAgainReturnsTheSameLinkForFree() {
		String giver = giver();
		GiftLinks.Given first = given(giver, "paid-1");
		assertThat(first.created()).isTrue();
		assertThat(first.allowance()).isEqualTo(new GiftLinks.Allowance(10, 1));
		assertThat(first.gift().token()).hasSize(43);

		GiftLinks.Given again = given(giver, "paid-1");
		assertThat(again.created()).isFalse();
		assertThat(again.gift().token()).isEqualTo(first.gift().token());
		assertThat(again.gift().from()).isEqualTo("Alex");
		assertThat(this.gifts.allowance(giver).used()).isEqualTo(1);

		GiftLinks.Given second = given(giver, "paid-2");
		assertThat(second.gift().token()).isNotEqualTo(first.gift().token());
		assertThat(this.gifts.allowance(giver)).isEqualTo(new GiftLinks.Allowance(10, 2));
		assertThat(this.gifts.allowance(giver).left()).isEqualTo(8);
		assertThat(this.gifts.of(giver)).extracting(Gift::articleId).containsExactlyInAnyOrder("paid-1", "paid-2");
		assertThat(this.gifts.lastName(giver)).contains("Alex");
	}

	@Test
	void theEleventhArticleOfTheMonthIsRefusedAndLeavesNoLink() {
		String giver = giver();
		for (int i = 1; i <= 10; i++) {
			given(giver, "article-" + i);
		}
		GiftLinks.Giving refused = this.gifts.give(giver, "article-11", "Alex");
		assertThat(refused).isEqualTo(new GiftLinks.Exhausted(new GiftLinks.Allowance(10, 10)));
		assertThat(this.gifts.of(giver)).hasSize(10).noneMatch(gift -> gift.articleId().equals("article-11"));
		assertThat(given(giver, "article-3").created()).as("an article already gifted stays free").isFalse();

		clock.set(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1)
				.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60));
		assertThat(this.gifts.allowance(giver).used()).as("a new month").isZero();
		assertThat(given(giver, "article-11").allowance().used()).isEqualTo(1);
	}

	@Test
	void aLinkOpensItsArticleUntilItExpiresAndIsRememberedAsExpired() {
		String giver = giver();
		Gift gift = given(giver, "paid-3").gift();
		assertThat(this.gifts.open(gift.token())).isInstanceOf(GiftLinks.Valid.class)
				.extracting(lookup -> ((GiftLinks.Valid) lookup).gift().articleId()).isEqualTo("paid-3");

		clock.advance(Duration.ofDays(14).minusSeconds(1));
		assertThat(this.gifts.open(gift.token())).isInstanceOf(GiftLinks.Valid.class);
		clock.advance(Duration.ofSeconds(1));
		assertThat(this.gifts.open(gift.token())).isInstanceOf(GiftLinks.Gone.class)
				.extracting(lookup -> ((GiftLinks.Gone) lookup).revoked()).isEqualTo(false);

		GiftLinks.Given renewed = given(giver, "paid-3");
		assertThat(renewed.created()).as("an expired link is not handed out again").isTrue();
		assertThat(renewed.gift().token()).isNotEqualTo(gift.token());
	}

	@Test
	void onlyTheGiverRevokesAndARevokedLinkOpensNothing() {
		String giver = giver();
		Gift gift = given(giver, "paid-4").gift();
		assertThat(this.gifts.revoke(giver(), gift.id())).as("another member").isFalse();
		assertThat(this.gifts.open(gift.token())).isInstanceOf(GiftLinks.Valid.class);

		assertThat(this.gifts.revoke(giver, gift.id())).isTrue();
		assertThat(this.gifts.open(gift.token()))
				.isEqualTo(new GiftLinks.Gone(new Gift(gift.id(), gift.token(), "paid-4", giver, "Alex",
						gift.createdAt(), gift.expiresAt(), clock.instant().truncatedTo(ChronoUnit.MILLIS)), true));
		assertThat(this.gifts.of(giver)).isEmpty();
		assertThat(this.gifts.allowance(giver).used()).as("revoking gives no gift back").isEqualTo(1);
		assertThat(this.gifts.revoke(giver, gift.id())).isFalse();
	}

	@Test
	void forgedTokensAndIdsOpenNothing() {
		Gift gift = given(giver(), "paid-5").gift();
		assertThat(this.gifts.open(gift.id())).as("the public id is not the token")
				.isInstanceOf(GiftLinks.Unknown.class);
		String forged = gift.token().substring(0, 42) + (gift.token().endsWith("A") ? "B" : "A");
		assertThat(this.gifts.open(forged)).isInstanceOf(GiftLinks.Unknown.class);
		assertThat(this.gifts.open("../../admin")).isInstanceOf(GiftLinks.Unknown.class);
	}

	@Test
	void deletingTheAccountEndsItsLinksAndItsGiftKeys() {
		Account account = this.accounts
				.create(UUID.randomUUID() + "@example.com", "{noop}x", Set.of(Account.READER), clock.instant(), true)
				.orElseThrow();
		Gift gift = given(account.id(), "paid-6").gift();
		this.accounts.delete(account);
		assertThat(this.gifts.open(gift.token())).isInstanceOf(GiftLinks.Gone.class);
		assertThat(GiftKeys.ofAccount(account.id())).noneMatch(key -> this.redis.hasKey(key));
	}

	@Test
	void keysAreClusterSafeAndTheRecordHoldsNoToken() {
		String giver = giver();
		Gift gift = given(giver, "paid-7").gift();
		assertThat(GiftKeys.ofAccount(giver)).allSatisfy(key -> assertThat(key).contains("{" + giver + "}"));
		assertThat(GiftKeys.gift(gift.id())).endsWith("gift:{" + gift.id() + "}");
		assertThat(gift.id()).isEqualTo(GiftLinks.idOf(gift.token())).hasSize(32);
		assertThat(this.redis.opsForHash().values(GiftKeys.gift(gift.id())))
				.noneMatch(value -> String.valueOf(value).contains(gift.token()));
		Long ttl = this.redis.getExpire(GiftKeys.gift(gift.id()));
		assertThat(ttl).isBetween(Duration.ofDays(43).toSeconds(), Duration.ofDays(44).toSeconds());
		assertThat(this.redis.getExpire(GiftKeys.allowance(giver))).isPositive();
	}

}
