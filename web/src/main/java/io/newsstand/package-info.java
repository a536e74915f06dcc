/**
 * Newsstand, a news aggregator with a membership paywall.
 */
@NullMarked
package io.newsstand;

import org.jspecify.annotations.NullMarked;
