/**
 * Pictures for readers: signed same-origin links to publishers' images
 * ({@link io.newsstand.web.images.ImageLinks}) and the proxy that fetches,
 * checks, resizes and caches them.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.images;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
