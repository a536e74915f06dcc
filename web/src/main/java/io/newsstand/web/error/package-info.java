/**
 * How failures reach readers: a clear page or problem+json, never a bare stack
 * trace.
 */
@NullMarked
package io.newsstand.web.error;

import org.jspecify.annotations.NullMarked;
