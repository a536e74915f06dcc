/**
 * Aggregator internals (catalog); not to be used outside the aggregator module.
 */
@NullMarked
package io.newsstand.aggregator.internal.catalog;

import org.jspecify.annotations.NullMarked;
