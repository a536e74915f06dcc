/**
 * Publishers, feeds and articles: the public API of the aggregator module (the
 * rest lives in {@code internal}).
 */
@NullMarked
package io.newsstand.aggregator;

import org.jspecify.annotations.NullMarked;
