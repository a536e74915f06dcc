package io.newsstand.web.paywall;

import io.newsstand.billing.Billing;
import org.springframework.stereotype.Component;

/**
 * Membership access as billing's access rule decides it (trialing, active,
 * cancelling until period end, past due within grace): one Redis read of the
 * membership snapshot, no Stripe call.
 */
@Component
class BillingEntitlements implements Entitlements {

	private final Billing billing;

	BillingEntitlements(Billing billing) {
		this.billing = billing;
	}

	@Override
	public boolean mayReadInFull(String accountId) {
		return this.billing.membership(accountId).mayReadInFull();
	}

}
