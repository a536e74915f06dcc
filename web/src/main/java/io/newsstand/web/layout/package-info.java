/**
 * The site's look: the page layout, the front page and what every page shows
 * (the sandbox banner, who is signed in).
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.layout;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
