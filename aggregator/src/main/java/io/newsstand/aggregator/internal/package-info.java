/**
 * Polling, fetching, parsing, sanitising and storing articles; not to be used
 * outside the aggregator module.
 */
@NullMarked
package io.newsstand.aggregator.internal;

import org.jspecify.annotations.NullMarked;
