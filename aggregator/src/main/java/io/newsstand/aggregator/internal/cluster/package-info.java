/**
 * Story clustering: text features, MinHash LSH buckets and cluster links in
 * Redis.
 */
@NullMarked
package io.newsstand.aggregator.internal.cluster;

import org.jspecify.annotations.NullMarked;
