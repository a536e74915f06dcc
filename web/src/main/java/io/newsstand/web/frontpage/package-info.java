/**
 * The front page and the navigation of the news: top stories, the editors'
 * picks, editions, publisher and section pages.
 */
@NullMarked
package io.newsstand.web.frontpage;

import org.jspecify.annotations.NullMarked;
