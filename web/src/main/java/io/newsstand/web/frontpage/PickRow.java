package io.newsstand.web.frontpage;

import org.jspecify.annotations.Nullable;

/**
 * A pick as the editor page shows it.
 *
 * @param pick
 *            the pick
 * @param title
 *            the article's title, or null when the article is gone
 * @param expires
 *            the expiry for the form's {@code datetime-local} field (UTC)
 */
public record PickRow(Pick pick, @Nullable String title, String expires) {
}
