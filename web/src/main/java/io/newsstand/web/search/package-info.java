/**
 * Search: the search page and {@code /api/v1/search} over the aggregator's
 * index, with snippets the paywall allows.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
