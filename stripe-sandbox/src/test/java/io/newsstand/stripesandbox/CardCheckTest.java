package io.newsstand.stripesandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.stripesandbox.CardCheck.Brand;
import java.time.YearMonth;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server's own check of a typed card, which never trusts the page's script.
 */
class CardCheckTest {

	private static final YearMonth NOW = YearMonth.of(2026, 12);

	@ParameterizedTest
	@CsvSource({"4242 4242 4242 4242, VISA", "5555555555554444, MASTERCARD", "2223003122003222, MASTERCARD",
			"378282246310005, AMEX", "341111111111111, AMEX", "6011111111111117, DISCOVER",
			"6445644564456445, DISCOVER", "6500000000000002, DISCOVER", "3056930009020004, UNKNOWN", "'', UNKNOWN"})
	void brandIsDetectedByPrefix(String number, Brand brand) {
		assertThat(CardCheck.brand(number)).isEqualTo(brand);
	}

	@Test
	void luhnAcceptsStripesTestCardsAndRefusesOneWrongDigit() {
		assertThat(CardCheck.luhn("4242424242424242")).isTrue();
		assertThat(CardCheck.luhn("4000 0000 0000 0341")).isTrue();
		assertThat(CardCheck.luhn("378282246310005")).isTrue();
		assertThat(CardCheck.luhn("4242424242424241")).isFalse();
		assertThat(CardCheck.luhn("42424242x4242424")).isFalse();
		assertThat(CardCheck.luhn("")).isFalse();
	}

	@Nested
	class Problems {

		@Test
		void aGoodCardHasNone() {
			assertThat(CardCheck.problems("4242 4242 4242 4242", "12 / 26", "123", NOW)).isEmpty();
			assertThat(CardCheck.problems("378282246310005", "0130", "1234", NOW)).isEmpty();
		}

		@Test
		void aNumberFailingLuhnOrOfTheWrongLengthIsInvalid() {
			assertThat(CardCheck.problems("4242424242424241", "12/30", "123", NOW)).containsOnlyKeys("cardNumber");
			assertThat(CardCheck.problems("424242424242", "12/30", "123", NOW)).containsOnlyKeys("cardNumber");
			assertThat(CardCheck.problems("", "12/30", "123", NOW)).containsEntry("cardNumber",
					"Enter your card number.");
		}

		@Test
		void anExpiryInThePastOrMalformedIsRefused() {
			assertThat(CardCheck.problems("4242424242424242", "11 / 26", "123", NOW)).containsEntry("cardExpiry",
					"Your card's expiration year is in the past.");
			assertThat(CardCheck.problems("4242424242424242", "13 / 30", "123", NOW)).containsKey("cardExpiry");
			assertThat(CardCheck.problems("4242424242424242", "1/3", "123", NOW)).containsKey("cardExpiry");
		}

		@Test
		void theCvcIsThreeDigitsAndFourForAmex() {
			assertThat(CardCheck.problems("4242424242424242", "12/30", "12", NOW)).containsOnlyKeys("cardCvc");
			assertThat(CardCheck.problems("4242424242424242", "12/30", "1234", NOW)).containsOnlyKeys("cardCvc");
			assertThat(CardCheck.problems("378282246310005", "12/30", "123", NOW)).containsOnlyKeys("cardCvc");
		}

	}

}
