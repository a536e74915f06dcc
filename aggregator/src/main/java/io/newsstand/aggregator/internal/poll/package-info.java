/**
 * Aggregator internals (poll); not to be used outside the aggregator module.
 */
@NullMarked
package io.newsstand.aggregator.internal.poll;

import org.jspecify.annotations.NullMarked;
