/**
 * Per-client limits on what one reader or one network may do or count: the
 * client's address as limits see it.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.limits;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
