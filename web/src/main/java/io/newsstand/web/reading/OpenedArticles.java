package io.newsstand.web.reading;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsstand.aggregator.Article;
import io.newsstand.web.articles.ArticleOpened;
import io.newsstand.web.limits.ClientAddress;
import io.newsstand.web.paywall.Access;
import io.newsstand.web.paywall.Reading;
import io.newsstand.web.security.Hashes;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces {@link ArticleOpened} for the article page and the article API
 * alike; a HEAD request opens nothing.
 */
@Component
class OpenedArticles {

	private static final Cache<String, String> ADDRESS_KEYS = Caffeine.newBuilder().maximumSize(10_000)
			.expireAfterAccess(Duration.ofMinutes(10)).build();

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OpenedArticles(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	void opened(Article article, Reading reading, Access access, HttpServletRequest request) {
		if ("HEAD".equals(request.getMethod())) {
			return;
		}
		String accountId = reading.accountId();
		this.events.publishEvent(new ArticleOpened(article.id(), article.publisherId(), article.section(), accountId,
				readerKey(accountId, request), addressKey(request), access.full(), this.clock.instant(),
				access instanceof Access.Full full && full.reason() == Access.FullReason.MEMBER));
	}

	static String readerKey(@Nullable String accountId, HttpServletRequest request) {
		return (accountId != null) ? "a:" + accountId : "v:" + addressKey(request);
	}

	static String addressKey(HttpServletRequest request) {
		// 12 bytes of SHA-256: stable for the same client, and no address is kept
		// beyond this memo of recent clients (a pure function of the address, worked
		// out once per client instead of on every view).
		return ADDRESS_KEYS.get(request.getRemoteAddr(),
				(address) -> Hashes.sha256(ClientAddress.of(address)).substring(0, 24));
	}

}
