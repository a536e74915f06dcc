package io.newsstand.web.personal;

import io.newsstand.aggregator.ArticleSummary;
import java.util.List;

/**
 * An article as personal lists and the ranking use it: its teaser (never the
 * body) and its topics in normal form.
 */
record Card(ArticleSummary summary, List<String> topics) {

	String id() {
		return this.summary.id();
	}

	String publisherId() {
		return this.summary.publisherId();
	}

}
