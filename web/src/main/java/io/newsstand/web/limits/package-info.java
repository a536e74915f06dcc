/**
 * Per-client limits on what one reader or one network may do or count: the
 * client's address as limits see it.
 */
@NullMarked
package io.newsstand.web.limits;

import org.jspecify.annotations.NullMarked;
