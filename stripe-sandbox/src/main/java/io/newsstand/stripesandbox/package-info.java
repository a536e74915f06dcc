/**
 * A stateful stand-in for the Stripe API, served under {@code /sandbox/stripe}
 * on the app's own port when no Stripe key is configured: JSON shapes of the
 * pinned API version, hosted checkout and portal pages, test clocks and signed
 * webhook delivery. Billing reaches it only over HTTP, as it reaches Stripe;
 * the module is inert with a real key or the {@code prod} profile.
 */
@NullMarked
package io.newsstand.stripesandbox;

import org.jspecify.annotations.NullMarked;
