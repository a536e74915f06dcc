/**
 * Start-up failures reported as one clear message that names the setting at
 * fault.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.startup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
