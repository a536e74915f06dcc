package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.stripe.exception.InvalidRequestException;
import com.stripe.param.CreditNoteCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.newsstand.stripesandbox.Sandbox;
import io.newsstand.testing.RedisTestContextInitializer;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * What members paid, as billing reports it for payouts, from invoices the
 * sandbox issues through the real SDK: monthly and yearly plans, a trial that
 * pays nothing, a refund (credit note) and a second currency.
 */
@SpringBootTest(classes = BillingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RedisTestContextInitializer.class)
class RevenueTest {

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	Revenue revenue;

	@Autowired
	Sandbox sandbox;

	BillingTestSupport stripe;

	@BeforeEach
	void setUp() {
		this.stripe = BillingTestSupport.of(this.port, this.sandbox);
	}

	private String member(String plan, boolean pay) throws Exception {
		String account = BillingTestSupport.newAccount();
		String session = BillingTestSupport.sessionId(this.billing.startCheckout(account,
				BillingTestSupport.emailOf(account), plan, SelfServiceTest.SUCCESS, SelfServiceTest.CANCEL));
		this.stripe.completeCheckout(session, "pm_card_visa");
		if (pay) {
			assertThat(this.billing.endTrialNow(account)).isInstanceOf(ChangeOutcome.Done.class);
			this.stripe.awaitWebhooks();
		}
		return account;
	}

	private static YearMonth thisMonth() {
		return YearMonth.from(Instant.now().atOffset(ZoneOffset.UTC));
	}

	@Test
	void paidInvoicesComeWithTheirCurrencyRefundsAndAccount() throws Exception {
		String monthly = member(Plan.MONTHLY, true);
		String yearly = member(Plan.YEARLY, true);
		String trial = member(Plan.MONTHLY, false);
		String refunded = member(Plan.MONTHLY, true);
		String dollars = dollarMember();
		String refundedInvoice = this.stripe.stripe().v1().invoices()
				.list(InvoiceListParams.builder()
						.setCustomer(this.stripe.customerId(BillingTestSupport.emailOf(refunded)))
						.setStatus(InvoiceListParams.Status.PAID).build())
				.getData().stream().filter(invoice -> invoice.getAmountPaid() > 0).findFirst().orElseThrow().getId();
		this.stripe.stripe().v1().creditNotes()
				.create(CreditNoteCreateParams.builder().setInvoice(refundedInvoice).setAmount(300L).build());

		List<String> ours = List.of(monthly, yearly, trial, refunded, dollars);
		List<PaidInvoice> paid = this.revenue.invoicesPaidIn(thisMonth()).stream()
				.filter(invoice -> ours.contains(invoice.accountId())).toList();
		// The sandbox's card fee is 1.5% + 25 cents (rounded half up); a trial's 0
		// invoice has no charge, so no fee.
		assertThat(paid)
				.extracting(PaidInvoice::accountId, PaidInvoice::currency, PaidInvoice::amountPaid,
						PaidInvoice::refunded, PaidInvoice::fee, PaidInvoice::net)
				.containsExactlyInAnyOrder(tuple(monthly, "eur", 0L, 0L, null, 0L),
						tuple(monthly, "eur", 900L, 0L, 39L, 861L), tuple(yearly, "eur", 0L, 0L, null, 0L),
						tuple(yearly, "eur", 9000L, 0L, 160L, 8840L), tuple(trial, "eur", 0L, 0L, null, 0L),
						tuple(refunded, "eur", 0L, 0L, null, 0L), tuple(refunded, "eur", 900L, 300L, 39L, 561L),
						tuple(dollars, "usd", 1000L, 0L, 40L, 960L));
		assertThat(paid).allSatisfy(invoice -> assertThat(invoice.net())
				.isEqualTo(invoice.amountPaid() - invoice.refunded() - Objects.requireNonNullElse(invoice.fee(), 0L)));
		// The line's service period: a year for the yearly plan, a month for the
		// monthly.
		assertThat(paid).filteredOn(invoice -> invoice.amountPaid() > 0 && invoice.accountId().equals(yearly))
				.singleElement().satisfies(
						invoice -> assertThat(ChronoUnit.MONTHS.between(invoice.periodStart().atOffset(ZoneOffset.UTC),
								invoice.periodEnd().atOffset(ZoneOffset.UTC))).isEqualTo(12));
		assertThat(paid).filteredOn(invoice -> invoice.amountPaid() > 0 && invoice.accountId().equals(monthly))
				.singleElement().satisfies(
						invoice -> assertThat(ChronoUnit.MONTHS.between(invoice.periodStart().atOffset(ZoneOffset.UTC),
								invoice.periodEnd().atOffset(ZoneOffset.UTC))).isEqualTo(1));
		assertThat(this.revenue.invoicesServing(thisMonth(), yearly)).extracting(PaidInvoice::amountPaid)
				.containsExactlyInAnyOrder(0L, 9000L);
		assertThat(this.revenue.invoicesPaidIn(thisMonth(), refunded)).extracting(PaidInvoice::net)
				.containsExactlyInAnyOrder(0L, 561L);
		assertThat(this.revenue.invoicesPaidIn(thisMonth().minusMonths(1), monthly)).isEmpty();
		assertThat(this.revenue.invoicesPaidIn(thisMonth(), BillingTestSupport.newAccount())).isEmpty();
	}

	@Test
	void aRefundBeyondWhatWasPaidIsRefused() throws Exception {
		String account = member(Plan.MONTHLY, true);
		String invoice = this.revenue.invoicesPaidIn(thisMonth(), account).stream()
				.filter(paid -> paid.amountPaid() > 0).findFirst().orElseThrow().invoiceId();
		assertThat(Assertions.catchThrowable(() -> this.stripe.stripe().v1().creditNotes()
				.create(CreditNoteCreateParams.builder().setInvoice(invoice).setAmount(901L).build())))
				.isInstanceOf(InvalidRequestException.class);
		assertThat(this.revenue.invoicesPaidIn(thisMonth(), account)).extracting(PaidInvoice::refunded)
				.containsOnly(0L);
	}

	/**
	 * A member who subscribed at the dollar price: the app's customer, a checkout
	 * without a trial made straight through the SDK.
	 */
	private String dollarMember() throws Exception {
		String account = BillingTestSupport.newAccount();
		this.billing.startCheckout(account, BillingTestSupport.emailOf(account), Plan.MONTHLY, SelfServiceTest.SUCCESS,
				SelfServiceTest.CANCEL);
		String customer = this.stripe.customerId(BillingTestSupport.emailOf(account));
		var session = this.stripe.stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
				.setMode(SessionCreateParams.Mode.SUBSCRIPTION).setCustomer(customer).setClientReferenceId(account)
				.addLineItem(
						SessionCreateParams.LineItem.builder().setPrice("price_monthly_usd").setQuantity(1L).build())
				.setSuccessUrl(SelfServiceTest.SUCCESS).setCancelUrl(SelfServiceTest.CANCEL).build());
		this.stripe.completeCheckout(session.getId(), "pm_card_visa");
		return account;
	}

}
