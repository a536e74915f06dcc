package io.newsstand.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy();

	@ParameterizedTest
	@ValueSource(strings = {"1234567890", "qwertyuiop", "Password123", "PASSWORD123", "iloveyou123"})
	void commonPasswordsAreRefusedWhateverTheirCase(String password) {
		assertThat(this.policy.problem(password, "ann@example.com"))
				.hasValueSatisfying(problem -> assertThat(problem).contains("most common"));
	}

	@Test
	void tenCharactersAreEnoughWithoutCompositionRules() {
		assertThat(this.policy.problem("plumtracto", "ann@example.com")).isEmpty();
		assertThat(this.policy.problem("plumtract", "ann@example.com")).hasValue("Use at least 10 characters.");
	}

	@Test
	void lengthCountsCharactersNotBytes() {
		assertThat(this.policy.problem("ééééééééé", "ann@example.com")).hasValue("Use at least 10 characters.");
		assertThat(this.policy.problem("éééééééééé", "ann@example.com")).isEmpty();
	}

	@Test
	void passwordsLongerThanBcryptReadsAreRefused() {
		assertThat(this.policy.problem("a".repeat(72), "ann@example.com")).isEmpty();
		assertThat(this.policy.problem("a".repeat(73), "ann@example.com"))
				.hasValueSatisfying(problem -> assertThat(problem).contains("at most 72 bytes"));
	}

	@Test
	void theReadersOwnAddressIsRefused() {
		assertThat(this.policy.problem("annabel.smith@example.com", "Annabel.Smith@example.com")).isPresent();
		assertThat(this.policy.problem("annabelsmith", "annabelsmith@example.com")).isPresent();
	}

}
