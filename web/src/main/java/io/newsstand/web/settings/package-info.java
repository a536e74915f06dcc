/**
 * Reader settings kept per account (text size, light/dark/system theme),
 * applied by the layout on every page from the session.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.settings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
