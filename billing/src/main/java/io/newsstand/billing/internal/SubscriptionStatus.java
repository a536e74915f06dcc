package io.newsstand.billing.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A Stripe subscription's status, mapped once where Stripe's answer enters
 * billing ({@link StripeGateway}) and stored in snapshots by its Stripe name
 * ({@code past_due}), plus {@link #NONE} for an account without a subscription.
 * A status Stripe adds later reads as {@link #UNKNOWN}: no access, like an
 * ended membership, until this type learns it.
 */
enum SubscriptionStatus {

	TRIALING, ACTIVE, PAST_DUE, PAUSED, UNPAID, INCOMPLETE, INCOMPLETE_EXPIRED, CANCELED, NONE, UNKNOWN;

	/** From Stripe's name ({@code "past_due"}); never null. */
	@JsonCreator
	static SubscriptionStatus of(String stripeName) {
		for (SubscriptionStatus status : values()) {
			if (status.stripeName().equals(stripeName)) {
				return status;
			}
		}
		return UNKNOWN;
	}

	/** Stripe's name for it, as stored in snapshots. */
	@JsonValue
	String stripeName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Live for Stripe's rule of one subscription per customer: everything but an
	 * ended one.
	 */
	boolean live() {
		return this != CANCELED && this != INCOMPLETE_EXPIRED && this != NONE;
	}

	/**
	 * A subscription that bills (or will at the trial's end): the ones a member can
	 * cancel, resume or switch.
	 */
	boolean billing() {
		return this == TRIALING || this == ACTIVE || this == PAST_DUE;
	}

	/** Nothing to follow any more: no subscription, or one that ended. */
	boolean ended() {
		return this == NONE || this == CANCELED || this == INCOMPLETE_EXPIRED;
	}

	@Override
	public String toString() {
		return stripeName();
	}

}
