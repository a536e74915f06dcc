/**
 * The articles JSON API: publishers, latest articles with cursor paging, and
 * one article with its body.
 */
@NullMarked
package io.newsstand.web.articles;

import org.jspecify.annotations.NullMarked;
