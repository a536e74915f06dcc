/**
 * Full-text search: a Lucene index per node, fed from the article store through
 * a Redis Stream.
 */
@NullMarked
package io.newsstand.aggregator.internal.search;

import org.jspecify.annotations.NullMarked;
