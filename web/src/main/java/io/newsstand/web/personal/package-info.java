/**
 * The reader's personal space: follows and mutes, "For you", saved articles,
 * reading history and the onboarding picks, as pages and as the
 * {@code /api/v1/me/...} API.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.personal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
