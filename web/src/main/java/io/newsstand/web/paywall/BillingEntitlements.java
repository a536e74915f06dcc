package io.newsstand.web.paywall;

import org.springframework.stereotype.Component;

/**
 * BILLING HOOK: membership access as billing's access rule decides it. Until
 * billing's API is on main nobody has a membership, so nobody is entitled.
 */
@Component
class BillingEntitlements implements Entitlements {

	@Override
	public boolean mayReadInFull(String accountId) {
		return false;
	}

}
