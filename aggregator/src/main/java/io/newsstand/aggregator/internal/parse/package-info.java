/**
 * Aggregator internals (parse); not to be used outside the aggregator module.
 */
@NullMarked
package io.newsstand.aggregator.internal.parse;

import org.jspecify.annotations.NullMarked;
