package io.newsstand.web.frontpage;

/**
 * An editor picked, re-ordered or unpicked an article.
 *
 * @param articleId
 *            the article
 */
public record PicksChanged(String articleId) {
}
