/**
 * The paywall: the one place that decides whether a reader may read an article
 * in full, and what the teaser of an article is.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.paywall;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
