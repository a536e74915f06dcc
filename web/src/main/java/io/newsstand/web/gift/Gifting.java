package io.newsstand.web.gift;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.paywall.Entitlements;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The rules of gifting, shared by the pages and the API: only a member gives (a
 * lapsed member's links keep working until they expire: the giver paid for the
 * month they gave them in); a gift is signed with a name, never an e-mail
 * address; a full read through a link announces {@link GiftOpened}.
 */
@Service
class Gifting {

	/** What the recipient sees when the giver gives no name. */
	static final String ANONYMOUS_GIVER = "A Newsstand member";

	static final int NAME_LENGTH = 40;

	private static final Logger log = LoggerFactory.getLogger(Gifting.class);

	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cntrl}\\p{Cf}]");

	private final GiftLinks links;

	private final Articles articles;

	private final Entitlements entitlements;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Gifting(GiftLinks links, Articles articles, Entitlements entitlements, ApplicationEventPublisher events,
			Clock clock) {
		this.links = links;
		this.articles = articles;
		this.entitlements = entitlements;
		this.events = events;
		this.clock = clock;
	}

	/** The answer to "gift this article", beyond what the store answers. */
	sealed interface Refusal {

		String message();

	}

	record NotMember(String message) implements Refusal {
	}

	record NoSuchArticle(String message) implements Refusal {
	}

	record BadName(String message) implements Refusal {
	}

	/** Either a refusal, or what the store answered. */
	record Outcome(@Nullable Refusal refusal, GiftLinks.@Nullable Giving giving) {
	}

	Outcome give(String accountId, @Nullable String articleId, @Nullable String name) {
		if (!this.entitlements.mayReadInFull(accountId)) {
			log.info("Gift of {} refused: account {} is not a member", articleId, accountId);
			return new Outcome(new NotMember("Gift articles are for members. Start your free trial to give them."),
					null);
		}
		Optional<Article> article = (articleId == null || articleId.isBlank() || articleId.length() > 200)
				? Optional.empty()
				: this.articles.article(articleId);
		if (article.isEmpty()) {
			return new Outcome(new NoSuchArticle("There is no such article to gift. It may have been removed."), null);
		}
		String cleaned = clean(name);
		if (cleaned.contains("@")) {
			return new Outcome(new BadName("Sign your gift with a name, not an e-mail address."), null);
		}
		String from = !cleaned.isEmpty() ? cleaned : this.links.lastName(accountId).orElse(ANONYMOUS_GIVER);
		GiftLinks.Giving giving = this.links.give(accountId, article.get().id(), from);
		if (giving instanceof GiftLinks.Exhausted exhausted) {
			log.info("Gift refused: account {} has given all {} gifts this month", accountId,
					exhausted.allowance().limit());
		}
		return new Outcome(null, giving);
	}

	/**
	 * Announces a full read through a link; a request that shows no article (HEAD)
	 * must not call this.
	 */
	void opened(Gift gift, Article article) {
		this.events.publishEvent(new GiftOpened(gift.id(), article.id(), article.publisherId(), gift.giverAccountId(),
				this.clock.instant()));
	}

	/** Control and format characters out, spaces folded, cut to length. */
	static String clean(@Nullable String name) {
		if (name == null) {
			return "";
		}
		String folded = INVISIBLE.matcher(name).replaceAll("").strip().replaceAll("\\s+", " ");
		return (folded.length() > NAME_LENGTH) ? folded.substring(0, NAME_LENGTH).strip() : folded;
	}

	Instant now() {
		return this.clock.instant();
	}

}
