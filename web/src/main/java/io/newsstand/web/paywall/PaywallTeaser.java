package io.newsstand.web.paywall;

import io.newsstand.aggregator.PublicTeaser;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

/**
 * The teaser the aggregator's search indexes: exactly the text of the opening
 * the article page shows a reader without access, so a search snippet for such
 * a reader never shows more of the body.
 */
@Component
class PaywallTeaser implements PublicTeaser {

	private final Paywall paywall;

	PaywallTeaser(Paywall paywall) {
		this.paywall = paywall;
	}

	@Override
	public String of(String bodyHtml) {
		return Jsoup.parseBodyFragment(this.paywall.teaser(bodyHtml)).text();
	}

}
