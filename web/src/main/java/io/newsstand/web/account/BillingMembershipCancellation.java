package io.newsstand.web.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * BILLING HOOK: the place where deleting an account will call billing's "cancel
 * at period end". Until the billing module's API is on main there is no
 * membership to cancel, so it only logs.
 */
@Component
class BillingMembershipCancellation implements MembershipCancellation {

	private static final Logger log = LoggerFactory.getLogger(BillingMembershipCancellation.class);

	@Override
	public void cancelAtPeriodEnd(String accountId) {
		log.info("Account {} deleted; no billing module yet, so no membership to cancel", accountId);
	}

}
