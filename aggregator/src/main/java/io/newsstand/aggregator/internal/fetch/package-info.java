/**
 * Aggregator internals (fetch); not to be used outside the aggregator module.
 */
@NullMarked
package io.newsstand.aggregator.internal.fetch;

import org.jspecify.annotations.NullMarked;
