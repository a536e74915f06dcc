/**
 * The runnable application: security, accounts, the paywall, reader pages and
 * the JSON API; the only module that combines articles with entitlements.
 */
@NullMarked
package io.newsstand.web;

import org.jspecify.annotations.NullMarked;
