/**
 * Aggregator internals (demo); not to be used outside the aggregator module.
 */
@NullMarked
package io.newsstand.aggregator.internal.demo;

import org.jspecify.annotations.NullMarked;
