/**
 * Aggregator internals (store); not to be used outside the aggregator module.
 */
@NullMarked
package io.newsstand.aggregator.internal.store;

import org.jspecify.annotations.NullMarked;
