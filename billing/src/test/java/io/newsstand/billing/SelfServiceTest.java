package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.stripesandbox.Sandbox;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Self-service stories through the real SDK against the sandbox: cancel during
 * the trial, end the trial early, switch plans, two checkouts in two tabs, the
 * hosted checkout and portal pages, account deletion.
 */
@BillingTest
class SelfServiceTest {

	static final String SUCCESS = "http://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}";

	static final String CANCEL = "http://app.test/plans";

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	Sandbox sandbox;

	BillingTestSupport stripe;

	@BeforeEach
	void setUp() {
		this.stripe = BillingTestSupport.of(this.port, this.sandbox);
	}

	String trial(String account) throws Exception {
		String session = BillingTestSupport.sessionId(this.billing.startCheckout(account,
				BillingTestSupport.emailOf(account), Plan.MONTHLY, SUCCESS, CANCEL));
		this.stripe.completeCheckout(session, "pm_card_visa");
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.TRIALING);
		return session;
	}

	@Test
	void plansComeFromStripe() {
		assertThat(this.billing.plans()).containsExactly(
				new Plan(Plan.MONTHLY, "Newsstand Membership", 900, "eur", "month"),
				new Plan(Plan.YEARLY, "Newsstand Membership", 9000, "eur", "year"));
	}

	@Test
	void cancelDuringTrialReadsUntilTrialEndThenLapsesWithoutACharge() throws Exception {
		String account = BillingTestSupport.newAccount();
		String email = BillingTestSupport.emailOf(account);
		trial(account);
		Instant trialEnd = this.billing.membership(account).trialEndsAt();
		assertThat(this.billing.cancelAtPeriodEnd(account)).isInstanceOfSatisfying(ChangeOutcome.Done.class, done -> {
			assertThat(done.membership().state()).isEqualTo(MembershipState.CANCELING);
			assertThat(done.membership().mayReadInFull()).isTrue();
		});
		this.stripe.advanceTo(email, trialEnd.minus(Duration.ofDays(1)));
		assertThat(this.billing.membership(account).mayReadInFull()).isTrue();
		this.stripe.advanceTo(email, trialEnd.plusSeconds(3600));
		Membership ended = this.billing.membership(account);
		assertThat(ended.state()).isEqualTo(MembershipState.LAPSED);
		assertThat(ended.mayReadInFull()).isFalse();
		String customer = this.stripe.customerId(email);
		assertThat(this.sandbox.eventIds("invoice.paid").stream().map(this.sandbox::event)
				.filter(event -> event.toString().contains(customer))
				.filter(event -> event.toString().contains("amount_paid=900"))).as("nothing charged").isEmpty();
	}

	@Test
	void endTrialEarlyChargesNowAndKeepsReading() throws Exception {
		String account = BillingTestSupport.newAccount();
		trial(account);
		Instant trialEnd = this.billing.membership(account).trialEndsAt();
		assertThat(this.billing.endTrialNow(account)).isInstanceOfSatisfying(ChangeOutcome.Done.class, done -> {
			assertThat(done.membership().state()).isEqualTo(MembershipState.ACTIVE);
			assertThat(done.membership().mayReadInFull()).isTrue();
			assertThat(done.membership().trialEndsAt()).isBefore(trialEnd);
		});
		assertThat(this.billing.endTrialNow(account)).isInstanceOf(ChangeOutcome.Refused.class);
	}

	@Test
	void switchPlanMovesToTheOtherPrice() throws Exception {
		String account = BillingTestSupport.newAccount();
		trial(account);
		assertThat(this.billing.switchPlan(account, Plan.YEARLY)).isInstanceOfSatisfying(ChangeOutcome.Done.class,
				done -> assertThat(done.membership().plan()).isEqualTo(Plan.YEARLY));
		this.stripe.awaitWebhooks();
		assertThat(this.billing.membership(account).plan()).isEqualTo(Plan.YEARLY);
		assertThat(this.billing.switchPlan(account, Plan.YEARLY)).isInstanceOf(ChangeOutcome.Refused.class);
	}

	@Test
	void twoTabsStartingCheckoutGetOneSessionAndOneSubscription() throws Exception {
		String account = BillingTestSupport.newAccount();
		String email = BillingTestSupport.emailOf(account);
		Callable<CheckoutOutcome> tab = () -> this.billing.startCheckout(account, email, Plan.MONTHLY, SUCCESS, CANCEL);
		List<CheckoutOutcome> outcomes;
		try (ExecutorService tabs = Executors.newFixedThreadPool(2)) {
			List<Future<CheckoutOutcome>> futures = tabs.invokeAll(List.of(tab, tab));
			outcomes = List.of(futures.get(0).get(), futures.get(1).get());
		}
		assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1));
		this.stripe.completeCheckout(BillingTestSupport.sessionId(outcomes.get(0)), "pm_card_visa");
		assertThat(this.billing.startCheckout(account, email, Plan.MONTHLY, SUCCESS, CANCEL))
				.isInstanceOf(CheckoutOutcome.SendToPortal.class);
		this.stripe.liveSubscription(email);
	}

	@Test
	void aSecondTabWithTheOtherPlanExpiresTheFirstCheckout() throws Exception {
		String account = BillingTestSupport.newAccount();
		String email = BillingTestSupport.emailOf(account);
		String monthly = BillingTestSupport
				.sessionId(this.billing.startCheckout(account, email, Plan.MONTHLY, SUCCESS, CANCEL));
		String yearly = BillingTestSupport
				.sessionId(this.billing.startCheckout(account, email, Plan.YEARLY, SUCCESS, CANCEL));
		assertThat(yearly).isNotEqualTo(monthly);
		HttpResponse<String> stale = this.stripe.post(
				"/sandbox/stripe/v1/test_helpers/checkout/sessions/" + monthly + "/complete",
				"payment_method=pm_card_visa", BillingTestSupport.AUTHORIZATION);
		assertThat(stale.statusCode()).isEqualTo(400);
		this.stripe.completeCheckout(yearly, "pm_card_visa");
		this.stripe.liveSubscription(email);
		assertThat(this.billing.membership(account).plan()).isEqualTo(Plan.YEARLY);
	}

	@Test
	void anotherAccountWithTheSameAddressIsRefusedTheTrialButCanSubscribe() throws Exception {
		String first = BillingTestSupport.newAccount();
		trial(first);
		String second = BillingTestSupport.newAccount();
		String sameAddress = BillingTestSupport.emailOf(first).toUpperCase();
		assertThat(this.billing.trialEligibility(second, sameAddress).eligible()).isFalse();
		assertThat(this.billing.startCheckout(second, sameAddress, Plan.MONTHLY, SUCCESS, CANCEL))
				.isInstanceOfSatisfying(CheckoutOutcome.Redirect.class, redirect -> {
					assertThat(redirect.trial()).isFalse();
					assertThat(redirect.trialRefusal()).contains("e-mail address");
				});
	}

	@Test
	void hostedCheckoutPageTakesATestCardAndRedirectsToTheSuccessUrl() throws Exception {
		String account = BillingTestSupport.newAccount();
		CheckoutOutcome outcome = this.billing.startCheckout(account, BillingTestSupport.emailOf(account), Plan.MONTHLY,
				SUCCESS, CANCEL);
		String url = ((CheckoutOutcome.Redirect) outcome).url();
		String path = url.substring(url.indexOf("/sandbox/"));
		HttpResponse<String> page = this.stripe.getAs(account, path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"cardNumber\"", "name=\"cardNumber\"", "<label for=\"cardNumber\"",
				"id=\"submit\"", "14-day free trial", "€9.00 per month", "Total due today", "€0.00",
				"payments are simulated", "<label for=\"cardExpiry\"", "<label for=\"cardCvc\"",
				"<label for=\"billingName\"", "<label for=\"email\"");
		assertThat(page.body()).doesNotContain("<script>", "style=");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");

		// The server checks the card itself: Luhn, expiry, CVC, each said beside its
		// field, keeping what was typed (never the CVC) and escaping it.
		HttpResponse<String> invalid = this.stripe.postAs(account, path,
				"cardNumber=4242+4242+4242+4241&cardExpiry=01%2F20&cardCvc=12&billingName=%3Cb%3EAda");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("Your card number is invalid.",
				"Your card's expiration year is in the past.", "Your card's security code is incomplete.",
				"value=\"4242 4242 4242 4241\"", "value=\"&lt;b>Ada\"").doesNotContain("<b>Ada");
		assertThat(this.billing.membership(account).mayReadInFull()).isFalse();

		// Stripe's declining test cards: said beside the number, which is cleared;
		// the rest of the form stays.
		HttpResponse<String> declined = this.stripe.postAs(account, path,
				"cardNumber=4000+0000+0000+0002&cardExpiry=12%2F34&cardCvc=123&billingName=Ada");
		assertThat(declined.statusCode()).isEqualTo(402);
		assertThat(declined.body()).contains(
				"<p id=\"cardNumber-error\" class=\"field-error\" role=\"alert\">" + "Your card was declined.</p>",
				"value=\"12/34\"", "value=\"Ada\"").doesNotContain("0002\"");
		HttpResponse<String> poor = this.stripe.postAs(account, path,
				"cardNumber=4000+0000+0000+9995&cardExpiry=12%2F34&cardCvc=123");
		assertThat(poor.statusCode()).isEqualTo(402);
		assertThat(poor.body()).contains("Your card has insufficient funds.").doesNotContain("9995\"");
		assertThat(this.billing.membership(account).mayReadInFull()).isFalse();

		HttpResponse<String> paid = this.stripe.postAs(account, path,
				"cardNumber=4242+4242+4242+4242&cardExpiry=12%2F34");
		assertThat(paid.statusCode()).isEqualTo(303);
		String session = BillingTestSupport.sessionId(outcome);
		assertThat(paid.headers().firstValue("Location"))
				.hasValue("http://app.test/billing/success?session_id=" + session);
		assertThat(this.billing.completeCheckout(account, session)).isInstanceOfSatisfying(ChangeOutcome.Done.class,
				done -> assertThat(done.membership().mayReadInFull()).isTrue());
		assertThat(this.billing.completeCheckout(BillingTestSupport.newAccount(), session))
				.isInstanceOf(ChangeOutcome.Refused.class);
	}

	@Test
	void hostedPagesEscapeAHostileCustomerEmailAndWhatWasTyped() throws Exception {
		String account = BillingTestSupport.newAccount();
		String hostile = "\"><script>alert(1)</script>" + account + "@example.com";
		CheckoutOutcome outcome = this.billing.startCheckout(account, hostile, Plan.MONTHLY, SUCCESS, CANCEL);
		String url = ((CheckoutOutcome.Redirect) outcome).url();
		String path = url.substring(url.indexOf("/sandbox/"));
		HttpResponse<String> page = this.stripe.getAs(account, path);
		assertThat(page.body()).contains("value=\"&#34;>&lt;script>alert(1)&lt;/script>")
				.doesNotContain("<script>alert");
		HttpResponse<String> typed = this.stripe.postAs(account, path,
				"cardNumber=1&billingName=%3C%2Fp%3E%3Cscript%3Ex()%3C%2Fscript%3E&email=%22%3E%3Cimg+src%3Dx%3E");
		assertThat(typed.statusCode()).isEqualTo(400);
		assertThat(typed.body())
				.contains("value=\"&lt;/p>&lt;script>x()&lt;/script>\"", "value=\"&#34;>&lt;img src=x>\"")
				.doesNotContain("<script>x", "<img");

		this.stripe.completeCheckout(BillingTestSupport.sessionId(outcome), "pm_card_visa");
		String portal = ((PortalOutcome.Redirect) this.billing.portal(account, "http://app.test/account")).url();
		HttpResponse<String> portalPage = this.stripe.getAs(account, portal.substring(portal.indexOf("/sandbox/")));
		assertThat(portalPage.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
	}

	@Test
	void portalPageCancelsAndResumes() throws Exception {
		String account = BillingTestSupport.newAccount();
		trial(account);
		PortalOutcome portal = this.billing.portal(account, "http://app.test/account");
		assertThat(portal).isInstanceOf(PortalOutcome.Redirect.class);
		String url = ((PortalOutcome.Redirect) portal).url();
		String path = url.substring(url.indexOf("/sandbox/"));
		HttpResponse<String> page = this.stripe.getAs(account, path);
		assertThat(page.body()).contains("id=\"cancel-submit\"", "id=\"switch-submit\"", "id=\"return\"",
				"href=\"http://app.test/account\"");

		assertThat(this.stripe.postAs(account, path + "/cancel", "").statusCode()).isEqualTo(303);
		this.stripe.awaitWebhooks();
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.CANCELING);
		assertThat(this.stripe.getAs(account, path).body()).contains("id=\"resume-submit\"");

		assertThat(this.stripe.postAs(account, path + "/resume", "").statusCode()).isEqualTo(303);
		this.stripe.awaitWebhooks();
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.TRIALING);

		assertThat(this.billing.portal(BillingTestSupport.newAccount(), "http://app.test/account"))
				.isInstanceOf(PortalOutcome.NoCustomer.class);
	}

	@Test
	void deletingTheAccountCancelsAtOnce() throws Exception {
		String account = BillingTestSupport.newAccount();
		trial(account);
		assertThat(this.billing.cancelForDeletedAccount(account)).isInstanceOfSatisfying(ChangeOutcome.Done.class,
				done -> assertThat(done.membership().state()).isEqualTo(MembershipState.LAPSED));
		this.stripe.awaitWebhooks();
		assertThat(this.billing.membership(account).mayReadInFull()).isFalse();
	}

	@Test
	void aCustomerDeletedAtStripeLapsesAndTheNextCheckoutCreatesANewOne() throws Exception {
		String account = BillingTestSupport.newAccount();
		String email = BillingTestSupport.emailOf(account);
		trial(account);
		String old = this.stripe.customerId(email);
		this.stripe.stripe().v1().customers().delete(old);
		this.stripe.awaitWebhooks();
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.LAPSED);
		assertThat(this.billing.startCheckout(account, email, Plan.MONTHLY, SUCCESS, CANCEL)).isInstanceOfSatisfying(
				CheckoutOutcome.Redirect.class, redirect -> assertThat(redirect.trial()).isFalse());
		assertThat(this.stripe.customerId(email)).isNotEqualTo(old);
	}

	@Test
	void scriptsCanWaitForWebhooksOverHttp() throws Exception {
		String account = BillingTestSupport.newAccount();
		String session = BillingTestSupport.sessionId(this.billing.startCheckout(account,
				BillingTestSupport.emailOf(account), Plan.MONTHLY, SUCCESS, CANCEL));
		assertThat(this.stripe.post("/sandbox/stripe/v1/test_helpers/checkout/sessions/" + session + "/complete",
				"payment_method=pm_card_visa", BillingTestSupport.AUTHORIZATION).statusCode()).isEqualTo(200);
		HttpResponse<String> idle = this.stripe.post("/sandbox/stripe/_control/await-deliveries", "timeoutSeconds=30",
				BillingTestSupport.AUTHORIZATION);
		assertThat(idle.statusCode()).isEqualTo(200);
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.TRIALING);
		assertThat(this.stripe.post("/sandbox/stripe/_control/await-deliveries", "", null).statusCode()).isEqualTo(401);
	}

}
