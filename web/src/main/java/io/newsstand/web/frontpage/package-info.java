/**
 * The front page and the navigation of the news: top stories, the editors'
 * picks, editions, publisher and section pages.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.frontpage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
