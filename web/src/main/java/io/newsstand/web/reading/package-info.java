/**
 * Reading: the article page and the article API, both shaped by the paywall's
 * decision.
 */
@NullMarked
package io.newsstand.web.reading;

import org.jspecify.annotations.NullMarked;
