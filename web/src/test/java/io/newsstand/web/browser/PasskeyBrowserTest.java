package io.newsstand.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.account.AccountStore;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.site.SiteTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A reader with a platform authenticator (Chromium's virtual one: CTAP2,
 * resident keys, user verification) adds a passkey on the account page, signs
 * out and signs in with it, without a password; once removed, the passkey no
 * longer signs in, although the authenticator still offers it; nor does the
 * passkey of an account that no longer exists.
 */
@ResourceLock(SiteTest.CLOCK)
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasskeyBrowserTest extends BrowserSiteTest {

	private static final String PASSWORD = "quartz heron lantern";

	private final String email = uniqueEmail("passkey");

	private VirtualAuthenticator authenticator;

	@Autowired
	private AccountStore accounts;

	@Autowired
	private StringRedisTemplate redis;

	@Test
	@Order(1)
	void aReaderAddsAPasskeyFromTheAccountPage() {
		this.browser.go("/signup");
		signUpAndConfirm(this.email, PASSWORD);
		this.authenticator = this.browser.driver().addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
						.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
						.setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
		this.browser.go("/account");
		this.browser.click("#manage-passkeys");
		assertThat(this.browser.path()).isEqualTo("/account/passkeys");
		assertThat(this.browser.text("#no-passkeys")).isEqualTo("You have no passkey yet.");
		this.browser.assertAccessible();
		this.browser.type("#passkey-label", "Test laptop");
		this.browser.click("#passkey-add-button");
		assertThat(this.browser.path()).isEqualTo("/account/passkeys?done=added");
		assertThat(this.browser.text("#passkeys .passkey-label")).isEqualTo("Test laptop");
		assertThat(this.browser.text("#passkeys tbody")).contains("Never");
		assertThat(this.authenticator.getCredentials()).hasSize(1);
		this.browser.assertAccessible();
		this.browser.screenshot("passkeys");
	}

	@Test
	@Order(2)
	void theReaderSignsOutAndSignsInWithThePasskey() {
		signOut();
		this.browser.go("/signin?next=%2Faccount%2Fpasskeys");
		this.browser.assertAccessible();
		this.browser.click("#passkey-signin-button");
		assertThat(this.browser.path()).isEqualTo("/account/passkeys");
		assertThat(this.browser.text("#passkeys tbody")).doesNotContain("Never");
		this.browser.go("/account");
		assertThat(this.browser.text("main")).contains("Signed in as " + this.email);
	}

	@Test
	@Order(3)
	void aRemovedPasskeyNoLongerSignsIn() {
		this.browser.go("/account/passkeys");
		this.browser.click("#passkeys button[type=submit]");
		assertThat(this.browser.path()).isEqualTo("/account/passkeys?done=removed");
		assertThat(this.browser.text("#no-passkeys")).isEqualTo("You have no passkey yet.");
		signOut();
		this.browser.go("/signin");
		this.browser.find("#passkey-signin-button").click();
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20))
				.until(driver -> driver.findElement(By.id("passkey-error")).isDisplayed());
		assertThat(this.browser.text("#passkey-error")).contains("did not sign you in");
		assertThat(this.browser.path()).isEqualTo("/signin");
		this.browser.go("/account");
		assertThat(this.browser.path()).startsWith("/signin");
		// The authenticator still holds it: the server refused it.
		assertThat(this.authenticator.getCredentials()).hasSize(1);
	}

	/**
	 * The account's hash is gone while its passkey records stay (deleting an
	 * account through the page removes both; PasskeyStoreTest covers that): the
	 * signature checks pass, and the account check of password sign-in refuses.
	 */
	@Test
	@Order(4)
	void aPasskeyOfAnAccountThatNoLongerExistsDoesNotSignIn() {
		this.browser.go("/signin?next=%2Faccount%2Fpasskeys");
		this.browser.type("#email", this.email);
		this.browser.type("#password", PASSWORD);
		this.browser.click("main button[type=submit]");
		this.browser.type("#passkey-label", "Second laptop");
		this.browser.click("#passkey-add-button");
		assertThat(this.browser.text("#passkeys .passkey-label")).isEqualTo("Second laptop");
		signOut();
		String accountId = this.accounts.idForEmail(this.email).orElseThrow();
		String credentials = "newsstand:web:account:{" + accountId + "}:passkeys";
		this.redis.delete(WebKeys.account(accountId));
		this.browser.go("/signin");
		this.browser.find("#passkey-signin-button").click();
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20))
				.until(driver -> driver.findElement(By.id("passkey-error")).isDisplayed());
		assertThat(this.browser.path()).isEqualTo("/signin");
		assertThat(this.redis.opsForHash().size(credentials)).isEqualTo(1);
		this.browser.go("/account");
		assertThat(this.browser.path()).startsWith("/signin");
	}

	private void signOut() {
		this.browser.go("/account");
		this.browser.click(".account-nav button");
		assertThat(this.browser.text("main")).contains("You are signed out.");
	}

	@AfterAll
	void removeAuthenticator() {
		if (this.authenticator != null && this.browser != null) {
			this.browser.driver().removeVirtualAuthenticator(this.authenticator);
		}
	}

}
