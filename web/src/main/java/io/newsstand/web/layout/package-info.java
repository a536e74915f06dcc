/**
 * The site's look and how its pages are served: the page layout, the front page
 * and what every page shows (the sandbox banner, who is signed in), whole pages
 * rendered in one write, static files' caching, and the request mapping that
 * finds a page's controller.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.layout;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
