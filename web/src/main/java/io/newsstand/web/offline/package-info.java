/**
 * The installable, offline-capable reader: the web app manifest, the service
 * worker, the offline page and what sign-out clears from the device
 * (docs/offline.md).
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.offline;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
