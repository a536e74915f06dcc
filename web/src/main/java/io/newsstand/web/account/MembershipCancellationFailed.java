package io.newsstand.web.account;

import java.io.Serial;

/**
 * The membership could not be cancelled (Stripe slow or down), so the account
 * is not deleted; the message says what to tell the reader.
 */
public class MembershipCancellationFailed extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public MembershipCancellationFailed(String message) {
		super(message);
	}

}
