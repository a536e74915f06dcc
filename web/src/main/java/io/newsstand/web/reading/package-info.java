/**
 * Reading: the article page and the article API, both shaped by the paywall's
 * decision.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.reading;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
