package io.newsstand.billing.internal;

import java.time.InstantSource;

/**
 * Billing's time source, a bean so tests can set the time.
 *
 * @param source
 *            the time source
 */
public record BillingClock(InstantSource source) {

}
