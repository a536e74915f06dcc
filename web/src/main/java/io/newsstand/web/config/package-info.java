/**
 * Web's own configuration ({@code newsstand.web.*}), in a package of its own
 * below every feature package, so that security, mail and layout can all read
 * it without depending on each other.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
