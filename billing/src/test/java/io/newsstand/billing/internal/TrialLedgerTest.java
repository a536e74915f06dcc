package io.newsstand.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.TrialEligibility;
import io.newsstand.testing.RedisExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class TrialLedgerTest {

	final TrialLedger ledger;

	TrialLedgerTest(StringRedisTemplate redis) {
		StandardEnvironment environment = new StandardEnvironment();
		BillingProperties properties = new Binder(ConfigurationPropertySources.get(environment))
				.bindOrCreate("newsstand.billing", BillingProperties.class);
		this.ledger = new TrialLedger(redis, properties);
	}

	@ParameterizedTest
	@CsvSource({"Jane.Doe+news@Gmail.com, janedoe@gmail.com", "jane.doe@googlemail.com, janedoe@gmail.com",
			"Jane+x@outlook.com, jane@outlook.com", "jane.doe+x@example.org, jane.doe+x@example.org",
			" JANE@Example.ORG , jane@example.org"})
	void normalisesAddressesOfTheCommonProviders(String email, String normalised) {
		assertThat(TrialLedger.normalise(email)).isEqualTo(normalised);
	}

	@Test
	void anAccountGetsOneTrial() {
		assertThat(this.ledger.check("a1", "a1@example.org").eligible()).isTrue();
		this.ledger.markUsed("a1", "a1@example.org");
		TrialEligibility again = this.ledger.check("a1", "other@example.org");
		assertThat(again.eligible()).isFalse();
		assertThat(again.refusal()).contains("account has already had");
	}

	@Test
	void anAddressGetsOneTrialWhateverItsSpelling() {
		this.ledger.markUsed("b1", "reader.one@gmail.com");
		TrialEligibility other = this.ledger.check("b2", "Reader.One+trial2@gmail.com");
		assertThat(other.eligible()).isFalse();
		assertThat(other.refusal()).contains("e-mail address");
	}

	@Test
	void aReservationHoldsTheAddressForItsAccountOnly() {
		assertThat(this.ledger.reserve("c1", "c@example.org")).isTrue();
		assertThat(this.ledger.reserve("c1", "c@example.org")).isTrue();
		assertThat(this.ledger.reserve("c2", "c@example.org")).isFalse();
		assertThat(this.ledger.check("c1", "c@example.org").eligible()).isTrue();
		assertThat(this.ledger.check("c2", "c@example.org").eligible()).isFalse();
	}

	@Test
	void aCardBelongsToTheFirstTrialThatUsedIt() {
		assertThat(this.ledger.claimCard("fp1", "d1")).isEqualTo("d1");
		assertThat(this.ledger.claimCard("fp1", "d2")).isEqualTo("d1");
	}

}
