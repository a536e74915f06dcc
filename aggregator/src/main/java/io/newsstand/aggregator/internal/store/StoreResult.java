package io.newsstand.aggregator.internal.store;

/**
 * What saving one feed's articles did.
 *
 * @param added
 *            new articles
 * @param updated
 *            articles whose title, summary, body or image changed
 * @param unchanged
 *            articles already stored as they are
 * @param skipped
 *            items refused: removed by retention (tombstoned) or older than the
 *            retention window
 */
public record StoreResult(int added, int updated, int unchanged, int skipped) {
}
