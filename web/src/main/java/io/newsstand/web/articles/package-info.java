/**
 * The articles JSON API: publishers, latest articles with cursor paging, and
 * one article with its body; and {@link ArticleOpened}, the event every article
 * view publishes, which the reading, front page, personal and payouts packages
 * share.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.articles;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
