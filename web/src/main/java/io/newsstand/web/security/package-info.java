/**
 * Who may do what: sign-in, remember-me, rate limits, API bearer tokens,
 * security headers and the filter chains.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
