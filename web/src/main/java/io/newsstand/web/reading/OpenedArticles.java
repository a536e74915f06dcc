package io.newsstand.web.reading;

import io.newsstand.aggregator.Article;
import io.newsstand.web.paywall.Access;
import io.newsstand.web.paywall.Reading;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces {@link ArticleOpened} for the article page and the article API
 * alike; a HEAD request opens nothing.
 */
@Component
class OpenedArticles {

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
				ArticleOpened.readerKey(accountId, request), ArticleOpened.addressKey(request), access.full(),
				this.clock.instant(), access instanceof Access.Full full && full.reason() == Access.FullReason.MEMBER));
	}

}
