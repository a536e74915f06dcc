/**
 * How failures reach readers: a clear page or problem+json, never a bare stack
 * trace.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.error;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
