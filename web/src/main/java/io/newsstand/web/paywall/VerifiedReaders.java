package io.newsstand.web.paywall;

/**
 * Whether a signed-in reader confirmed their e-mail address: the monthly meter
 * counts only for those who did, so a throwaway account reads nothing in full.
 * Implemented by the account module's e-mail verification.
 */
public interface VerifiedReaders {

	boolean verified(String accountId);

}
