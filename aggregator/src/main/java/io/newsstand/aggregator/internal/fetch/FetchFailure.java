package io.newsstand.aggregator.internal.fetch;

import io.newsstand.aggregator.internal.fetch.FetchResult.FailureKind;

/**
 * A fetch that ended in an expected failure, on its way up to
 * {@link FeedFetcher#fetch}, which returns its result instead.
 */
final class FetchFailure extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient FetchResult.Failed result;

	FetchFailure(FailureKind kind, String message) {
		super(message, null, false, false);
		this.result = new FetchResult.Failed(kind, 0, message);
	}

	FetchResult.Failed result() {
		return this.result;
	}

}
