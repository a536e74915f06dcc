package io.newsstand.billing;

import org.jspecify.annotations.Nullable;

/**
 * Whether a reader is offered the free trial, and why not when refused (they
 * can still subscribe without one).
 *
 * @param eligible
 *            true when the next checkout includes the trial
 * @param trialDays
 *            the trial's length
 * @param refusal
 *            why the trial is refused, or null when eligible
 */
public record TrialEligibility(boolean eligible, int trialDays, @Nullable String refusal) {

}
