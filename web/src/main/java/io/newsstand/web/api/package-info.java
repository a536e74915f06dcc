/**
 * The JSON API's account endpoints: sign-up and bearer tokens for apps,
 * answered with problem+json on every error.
 */
@NullMarked
package io.newsstand.web.api;

import org.jspecify.annotations.NullMarked;
