package io.newsstand.web.account;

import io.newsstand.billing.Billing;
import io.newsstand.billing.ChangeOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deleting an account first cancels its membership at the end of the paid
 * period (or trial) through billing. A reader without a running membership has
 * nothing to cancel; when Stripe cannot be reached, deletion stops and the
 * reader is asked to try again, so nobody is charged for a deleted account.
 */
@Component
class BillingMembershipCancellation implements MembershipCancellation {

	private static final Logger log = LoggerFactory.getLogger(BillingMembershipCancellation.class);

	private final Billing billing;

	BillingMembershipCancellation(Billing billing) {
		this.billing = billing;
	}

	@Override
	public void cancelAtPeriodEnd(String accountId) {
		switch (this.billing.cancelAtPeriodEnd(accountId)) {
			case ChangeOutcome.Done done -> log.info("Account {} deleted; its membership ends at {}", accountId,
					done.membership().currentPeriodEnd());
			case ChangeOutcome.Refused refused ->
				log.info("Account {} deleted; no membership to cancel ({})", accountId, refused.reason());
			case ChangeOutcome.TryAgain tryAgain -> throw new MembershipCancellationFailed(tryAgain.message());
		}
	}

}
