/**
 * Stripe checkout, portal, webhooks and membership snapshots; not to be used
 * outside the billing module.
 */
@NullMarked
package io.newsstand.billing.internal;

import org.jspecify.annotations.NullMarked;
