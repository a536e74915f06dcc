package io.newsstand.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.Membership;
import io.newsstand.billing.MembershipState;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessRuleTest {

	static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

	final AccessRule rule = new AccessRule(Duration.ofDays(7));

	static Snapshot snapshot(String status, @Nullable Instant trialEnd, @Nullable Instant periodEnd, boolean cancel,
			@Nullable Instant pastDueSince) {
		return Snapshot.builder("a1", "cus_1", NOW).email("reader@example.com").status(SubscriptionStatus.of(status))
				.subscriptionId("sub_1").itemId("si_1").plan("monthly").trialEnd(trialEnd)
				.periodStart(NOW.minus(Duration.ofDays(10))).periodEnd(periodEnd).cancelAtPeriodEnd(cancel)
				.hasPaymentMethod(true).pastDueSince(pastDueSince).amount(900).hasPaid(true).build();
	}

	Membership at(Snapshot snapshot, Instant now) {
		return this.rule.evaluate("a1", snapshot, now);
	}

	@Test
	void noSnapshotIsNotAMember() {
		Membership membership = this.rule.evaluate("a1", null, NOW);
		assertThat(membership.state()).isEqualTo(MembershipState.NONE);
		assertThat(membership.mayReadInFull()).isFalse();
	}

	@Nested
	class Trialing {

		@Test
		void readsUntilTheTrialEnds() {
			Snapshot trial = snapshot("trialing", NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(3)), false,
					null);
			assertThat(at(trial, NOW).state()).isEqualTo(MembershipState.TRIALING);
			assertThat(at(trial, NOW).mayReadInFull()).isTrue();
		}

		@Test
		void expiredTrialWithoutNewsFromStripeStopsReadingAfterTheSlack() {
			Snapshot trial = snapshot("trialing", NOW, NOW, false, null);
			assertThat(at(trial, NOW.plus(Duration.ofHours(1))).mayReadInFull()).isTrue();
			Membership later = at(trial, NOW.plus(AccessRule.PERIOD_SLACK).plusSeconds(1));
			assertThat(later.mayReadInFull()).isFalse();
			assertThat(later.state()).isEqualTo(MembershipState.LAPSED);
		}

		@Test
		void cancelledDuringTrialReadsUntilTheTrialEnds() {
			Snapshot trial = snapshot("trialing", NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(3)), true,
					null);
			assertThat(at(trial, NOW).state()).isEqualTo(MembershipState.CANCELING);
			assertThat(at(trial, NOW).mayReadInFull()).isTrue();
		}

	}

	@Nested
	class Active {

		Snapshot active = snapshot("active", null, NOW.plus(Duration.ofDays(20)), false, null);

		@Test
		void reads() {
			assertThat(at(this.active, NOW).state()).isEqualTo(MembershipState.ACTIVE);
			assertThat(at(this.active, NOW).mayReadInFull()).isTrue();
		}

		@Test
		void cancelAtPeriodEndKeepsReadingUntilThePeriodEnds() {
			Snapshot canceling = snapshot("active", null, NOW.plus(Duration.ofDays(20)), true, null);
			assertThat(at(canceling, NOW).state()).isEqualTo(MembershipState.CANCELING);
			assertThat(at(canceling, NOW.plus(Duration.ofDays(19))).mayReadInFull()).isTrue();
			assertThat(at(canceling, NOW.plus(Duration.ofDays(21))).mayReadInFull()).isFalse();
		}

	}

	@Nested
	class PastDue {

		Snapshot pastDue = snapshot("past_due", null, NOW.plus(Duration.ofDays(30)), false, NOW);

		@Test
		void readsWithinTheGracePeriod() {
			Membership membership = at(this.pastDue, NOW.plus(Duration.ofDays(6)));
			assertThat(membership.state()).isEqualTo(MembershipState.PAST_DUE);
			assertThat(membership.mayReadInFull()).isTrue();
			assertThat(membership.graceEndsAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
		}

		@Test
		void lapsesWhenTheGracePeriodIsOver() {
			Membership membership = at(this.pastDue, NOW.plus(Duration.ofDays(7)).plusSeconds(1));
			assertThat(membership.state()).isEqualTo(MembershipState.LAPSED);
			assertThat(membership.mayReadInFull()).isFalse();
		}

		@Test
		void aSubscriptionThatNeverPaidGetsNoGraceAndIsToldToUpdateItsCard() {
			Snapshot neverPaid = Snapshot.builder("a1", "cus_1", NOW).email("reader@example.com")
					.status(SubscriptionStatus.PAST_DUE).subscriptionId("sub_1").itemId("si_1").plan("monthly")
					.trialEnd(NOW).periodStart(NOW).periodEnd(NOW.plus(Duration.ofDays(30))).hasPaymentMethod(true)
					.pastDueSince(NOW).amount(900).build();
			Membership membership = at(neverPaid, NOW.plus(Duration.ofMinutes(1)));
			assertThat(membership.state()).isEqualTo(MembershipState.PAST_DUE);
			assertThat(membership.mayReadInFull()).isFalse();
			assertThat(membership.graceEndsAt()).isNull();
			assertThat(membership.updateCard()).isTrue();
		}

		@Test
		void withinGraceTheReaderIsToldToUpdateTheCard() {
			assertThat(at(this.pastDue, NOW.plus(Duration.ofDays(1))).updateCard()).isTrue();
		}

		@Test
		void graceIsConfigurable() {
			AccessRule strict = new AccessRule(Duration.ofDays(1));
			assertThat(strict.evaluate("a1", this.pastDue, NOW.plus(Duration.ofDays(2))).mayReadInFull()).isFalse();
		}

	}

	@ParameterizedTest
	@ValueSource(strings = {"unpaid", "canceled", "incomplete_expired", "a_status_stripe_adds_later"})
	void endedStatusesDoNotRead(String status) {
		Membership membership = at(snapshot(status, null, NOW.plus(Duration.ofDays(20)), false, null), NOW);
		assertThat(membership.state()).isEqualTo(MembershipState.LAPSED);
		assertThat(membership.mayReadInFull()).isFalse();
	}

	@Test
	void pausedDoesNotRead() {
		Membership membership = at(snapshot("paused", NOW, NOW.plus(Duration.ofDays(20)), false, null), NOW);
		assertThat(membership.state()).isEqualTo(MembershipState.PAUSED);
		assertThat(membership.mayReadInFull()).isFalse();
	}

	@Test
	void incompleteDoesNotRead() {
		Membership membership = at(snapshot("incomplete", null, NOW.plus(Duration.ofDays(20)), false, null), NOW);
		assertThat(membership.state()).isEqualTo(MembershipState.NONE);
		assertThat(membership.mayReadInFull()).isFalse();
	}

	@Test
	void aTestClockAheadOfRealTimeIsTheCustomersNow() {
		Snapshot ahead = Snapshot.builder("a1", "cus_1", NOW).status(SubscriptionStatus.ACTIVE).subscriptionId("sub_1")
				.itemId("si_1").plan("monthly").periodStart(NOW).periodEnd(NOW.plus(Duration.ofDays(30)))
				.hasPaymentMethod(true).clockOffsetSeconds(Duration.ofDays(31).toSeconds()).amount(900).build();
		assertThat(at(ahead, NOW).mayReadInFull()).isFalse();
	}

}
