/**
 * A stateful stand-in for the Stripe API, served under {@code /sandbox/stripe}
 * on the app's own port when no Stripe key is configured: JSON shapes of the
 * pinned API version, hosted checkout and portal pages, test clocks and signed
 * webhook delivery. Nothing outside this package depends on it.
 */
@NullMarked
package io.newsstand.billing.internal.sandbox;

import org.jspecify.annotations.NullMarked;
