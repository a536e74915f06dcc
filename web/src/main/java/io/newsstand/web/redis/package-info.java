/**
 * Which Redis the app uses: an embedded server persisted under the data
 * directory, or the one named by {@code NEWSSTAND_REDIS_URL}.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.redis;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
