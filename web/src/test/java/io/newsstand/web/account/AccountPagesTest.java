package io.newsstand.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Sign-up, sign-in, sign-out, remember-me, password reset, account changes and
 * deletion, through real HTTP with cookies, as a browser does them.
 */
@ResourceLock(SiteTest.CLOCK)
class AccountPagesTest extends SiteTest {

	private static final String PASSWORD = "plum tractor violin";

	@Autowired
	StringRedisTemplate redis;

	@Nested
	class SigningUp {

		@Test
		void signUpSignsTheReaderInAndWelcomesThem() {
			SiteClient browser = client();
			String email = uniqueEmail("ann");
			HttpResponse<String> response = browser.signUp(email, PASSWORD);
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location"))
					.hasValueSatisfying(location -> assertThat(location).endsWith("/start"));
			assertThat(browser.get("/start").body()).contains("Pick what you like to read")
					.contains("href=\"/account?welcome\" id=\"skip-start\"");
			assertThat(browser.cookie("SESSION")).isPresent();
			assertThat(browser.get("/account?welcome").body()).contains("Welcome to Newsstand")
					.contains("Signed in as <strong>" + email + "</strong>");
		}

		@Test
		void signUpReturnsToTheLocalPageNamedInNextOnceTheAddressIsConfirmed() {
			SiteClient browser = client();
			String email = uniqueEmail("next");
			browser.get("/signup?next=/articles/42");
			HttpResponse<String> response = browser.post("/signup",
					browser.withCsrf("email", email, "password", PASSWORD, "next", "/articles/42"));
			assertThat(response.headers().firstValue("Location"))
					.hasValueSatisfying(location -> assertThat(location).contains("/signup/sent"));
			assertThat(browser.cookie("SESSION")).as("signing up signs nobody in").isEmpty();
			assertThat(browser.verifyAndSignIn(email, PASSWORD).headers().firstValue("Location"))
					.hasValueSatisfying(location -> assertThat(location).endsWith("/articles/42"));
		}

		@Test
		void shortCommonAndOwnAddressPasswordsAreRefusedWithAReason() {
			SiteClient browser = client();
			String email = uniqueEmail("weak");
			assertThat(browser.signUp(email, "short").body()).contains("Use at least 10 characters.");
			assertThat(browser.signUp(email, "password123").body()).contains("one of the most common");
			assertThat(browser.signUp(email, email).body()).contains("Do not use your e-mail address");
			HttpResponse<String> refused = browser.signUp(email, "");
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(refused.body()).contains("Enter a password.").contains("value=\"" + email + "\"");
			assertThat(browser.cookie("SESSION")).isEmpty();
		}

		@Test
		void missingOverLongAndMalformedAddressesAreRefused() {
			SiteClient browser = client();
			assertThat(browser.signUp("", PASSWORD).body()).contains("Enter your e-mail address.");
			assertThat(browser.signUp("not-an-address", PASSWORD).body()).contains("Enter an address like");
			String longAddress = "a".repeat(250) + "@example.com";
			HttpResponse<String> tooLong = browser.signUp(longAddress, PASSWORD);
			assertThat(tooLong.statusCode()).isEqualTo(422);
			assertThat(tooLong.body()).contains("at most 254 characters").doesNotContain(longAddress);
		}

		@Test
		void aTakenAddressGetsTheSameAnswerAsANewOneAndItsOwnerAnEmail() {
			String taken = uniqueEmail("taken");
			client().signUp(taken, PASSWORD);
			String fresh = uniqueEmail("fresh");
			SiteClient first = client();
			SiteClient second = client();
			HttpResponse<String> newAddress = first.signUpOnly(fresh, PASSWORD);
			HttpResponse<String> takenAddress = second.signUpOnly(taken.toUpperCase(Locale.ROOT), PASSWORD);
			assertThat(takenAddress.statusCode()).isEqualTo(newAddress.statusCode()).isEqualTo(302);
			assertThat(takenAddress.headers().firstValue("Location").orElseThrow().replace(encoded(taken), "ADDRESS"))
					.isEqualTo(newAddress.headers().firstValue("Location").orElseThrow().replace(encoded(fresh),
							"ADDRESS"));
			assertThat(takenAddress.headers().allValues("Set-Cookie"))
					.isEqualTo(newAddress.headers().allValues("Set-Cookie")).isEmpty();
			String sentNew = first.get("/signup/sent?email=" + fresh).body().replace(encoded(fresh), "ADDRESS")
					.replace(fresh, "ADDRESS");
			String sentTaken = second.get("/signup/sent?email=" + taken).body().replace(encoded(taken), "ADDRESS")
					.replace(taken, "ADDRESS");
			assertThat(sentTaken.replaceAll("value=\"[^\"]*\"", ""))
					.isEqualTo(sentNew.replaceAll("value=\"[^\"]*\"", ""));
			assertThat(first.latestLink(fresh, "Confirm your e-mail address")).contains("/verify-email/");
			assertThat(first.latestLink(taken, "Your Newsstand account")).endsWith("/signin");
		}

	}

	private static String encoded(String email) {
		return URLEncoder.encode(email, StandardCharsets.UTF_8);
	}

	@Nested
	class SigningIn {

		@Test
		void signInChangesTheSessionIdAndReturnsToNext() {
			String email = uniqueEmail("bea");
			SiteClient browser = client();
			browser.signUp(email, PASSWORD);
			String before = browser.cookie("SESSION").orElseThrow();
			browser.get("/signin?next=/account");
			HttpResponse<String> response = browser.post("/signin",
					browser.withCsrf("email", email, "password", PASSWORD, "next", "/account"));
			assertThat(response.headers().firstValue("Location"))
					.hasValueSatisfying(location -> assertThat(location).endsWith("/account"));
			assertThat(browser.cookie("SESSION")).isPresent().get().isNotEqualTo(before);
		}

		@Test
		void theReturnAddressCannotLeadToAnotherSite() {
			String email = uniqueEmail("redirect");
			client().signUp(email, PASSWORD);
			for (String next : List.of("//evil.example/", "https://evil.example/", "/\\evil.example",
					"javascript:alert(1)", "/%0d%0aLocation:%20x")) {
				SiteClient browser = client();
				browser.get("/signin");
				HttpResponse<String> response = browser.post("/signin",
						browser.withCsrf("email", email, "password", PASSWORD, "next", next));
				assertThat(response.headers().firstValue("Location")).as(next).hasValueSatisfying(
						location -> assertThat(location).doesNotContain("evil").doesNotContain("javascript"));
			}
		}

		@Test
		void aWrongPasswordSaysSoWithoutSayingWhichFieldWasWrong() {
			String email = uniqueEmail("wrong");
			client().signUp(email, PASSWORD);
			SiteClient browser = client();
			HttpResponse<String> response = browser.signIn(email, "not the password");
			assertThat(response.headers().firstValue("Location"))
					.hasValueSatisfying(location -> assertThat(location).contains("/signin?error=bad"));
			assertThat(browser.get("/signin?error=bad").body())
					.contains("That e-mail address and password do not match an account");
			assertThat(browser.cookie("SESSION")).isEmpty();
		}

		@Test
		void repeatedFailuresPauseSignInForTheAccountWithAClearMessage() {
			String email = uniqueEmail("throttled");
			client().signUp(email, PASSWORD);
			SiteClient attacker = client();
			for (int i = 0; i < 5; i++) {
				attacker.signIn(email, "guess number " + i);
			}
			HttpResponse<String> refused = client().signIn(email, PASSWORD);
			String location = refused.headers().firstValue("Location").orElseThrow();
			assertThat(location).contains("error=throttled-account").contains("minutes=");
			assertThat(client().get(location.substring(location.indexOf("/signin"))).body())
					.contains("Too many failed attempts to sign in to this account").contains("sign-in is paused for");
			clock.advance(Duration.ofMinutes(16));
			assertThat(client().signIn(email, PASSWORD).headers().firstValue("Location").orElseThrow())
					.doesNotContain("error");
		}

		@Test
		void rememberMeKeepsTheReaderSignedInAfterTheSessionIsGone() {
			String email = uniqueEmail("remember");
			client().signUp(email, PASSWORD);
			SiteClient browser = client();
			browser.signIn(email, PASSWORD, "remember", "true");
			assertThat(browser.cookie("newsstand-remember")).isPresent();
			browser.dropCookie("SESSION");
			assertThat(browser.get("/account").statusCode()).isEqualTo(200);

			SiteClient forgetful = client();
			forgetful.signIn(email, PASSWORD);
			forgetful.dropCookie("SESSION");
			assertThat(forgetful.get("/account").statusCode()).isEqualTo(302);
		}

		@Test
		void signOutEndsTheSession() {
			SiteClient browser = client();
			browser.signUp(uniqueEmail("out"), PASSWORD);
			browser.get("/account");
			HttpResponse<String> response = browser.post("/signout", browser.withCsrf());
			assertThat(response.headers().firstValue("Location"))
					.hasValueSatisfying(location -> assertThat(location).endsWith("/?signedout"));
			HttpResponse<String> account = browser.get("/account");
			assertThat(account.statusCode()).isEqualTo(302);
			assertThat(account.headers().firstValue("Location"))
					.hasValueSatisfying(location -> assertThat(location).endsWith("/signin?next=%2Faccount"));
		}

	}

	@Nested
	class Csrf {

		@Test
		void aFormWithoutItsTokenIsRefused() {
			SiteClient browser = client();
			browser.signUp(uniqueEmail("csrf"), PASSWORD);
			HttpResponse<String> response = browser.post("/account/password",
					Map.of("currentPassword", PASSWORD, "newPassword", "another fine password"));
			assertThat(response.statusCode()).isEqualTo(403);
		}

		@Test
		void aTokenFromBeforeSignInIsRefusedAfterIt() {
			String email = uniqueEmail("replay");
			client().signUp(email, PASSWORD);
			SiteClient browser = client();
			browser.get("/signin");
			String beforeSignIn = browser.csrf();
			browser.post("/signin", browser.withCsrf("email", email, "password", PASSWORD));
			HttpResponse<String> replayed = browser.post("/signout", Map.of("_csrf", beforeSignIn));
			assertThat(replayed.statusCode()).isEqualTo(403);
			assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		}

		@Test
		void anotherBrowsersTokenIsRefused() {
			SiteClient victim = client();
			victim.signUp(uniqueEmail("victim"), PASSWORD);
			SiteClient attacker = client();
			attacker.get("/signin");
			HttpResponse<String> forged = victim.post("/signout", Map.of("_csrf", attacker.csrf()));
			assertThat(forged.statusCode()).isEqualTo(403);
		}

	}

	@Nested
	class PasswordReset {

		@Test
		void theEmailedLinkSetsANewPasswordOnce() {
			String email = uniqueEmail("reset");
			client().signUp(email, PASSWORD);
			SiteClient browser = client();
			HttpResponse<String> sent = browser.submit("/password-reset", "/password-reset", "email", email);
			assertThat(sent.body()).contains("If an account uses " + email);
			String link = resetLinkFor(email);
			String path = link.substring(link.indexOf("/password-reset/"));

			HttpResponse<String> saved = browser.submit(path, path, "password", "a brand new secret");
			assertThat(saved.headers().firstValue("Location"))
					.hasValueSatisfying(location -> assertThat(location).endsWith("/signin?reset=done"));
			assertThat(client().signIn(email, "a brand new secret").headers().firstValue("Location").orElseThrow())
					.doesNotContain("error");

			HttpResponse<String> again = client().get(path);
			assertThat(again.statusCode()).isEqualTo(410);
			assertThat(again.body()).contains("This link no longer works");
		}

		@Test
		void theLinkExpires() {
			String email = uniqueEmail("expiry");
			client().signUp(email, PASSWORD);
			client().submit("/password-reset", "/password-reset", "email", email);
			String link = resetLinkFor(email);
			clock.advance(Duration.ofMinutes(61));
			assertThat(client().get(link.substring(link.indexOf("/password-reset/"))).statusCode()).isEqualTo(410);
		}

		@Test
		void anUnknownAddressGetsTheSameAnswerAndNoMail() {
			String email = uniqueEmail("nobody");
			HttpResponse<String> sent = client().submit("/password-reset", "/password-reset", "email", email);
			assertThat(sent.statusCode()).isEqualTo(200);
			assertThat(sent.body()).contains("If an account uses " + email);
			assertThat(client().get("/dev/outbox").body()).doesNotContain(email);
		}

		@Test
		void anAccountGetsAFewResetMailsAnHourAndTheAnswerNeverChanges() {
			String email = uniqueEmail("flooded");
			client().signUp(email, PASSWORD);
			for (int i = 0; i < 5; i++) {
				HttpResponse<String> sent = client().submit("/password-reset", "/password-reset", "email", email);
				assertThat(sent.statusCode()).isEqualTo(200);
				assertThat(sent.body()).contains("If an account uses " + email);
			}
			assertThat(mailsTo(email)).as("mails sent: the limit is 3 an hour").isEqualTo(3);
			clock.advance(Duration.ofMinutes(61));
			client().submit("/password-reset", "/password-reset", "email", email);
			assertThat(mailsTo(email)).as("a new hour, a new mail").isEqualTo(4);
		}

		@Test
		void aResetEndsEverySessionSignedInWithTheOldPassword() {
			String email = uniqueEmail("stolen");
			SiteClient owner = client();
			owner.signUp(email, PASSWORD);
			SiteClient thief = client();
			thief.signIn(email, PASSWORD);
			assertThat(thief.get("/account").statusCode()).isEqualTo(200);

			client().submit("/password-reset", "/password-reset", "email", email);
			String link = resetLinkFor(email);
			String path = link.substring(link.indexOf("/password-reset/"));
			client().submit(path, path, "password", "a brand new secret");

			assertThat(thief.get("/account").statusCode()).as("the thief's session").isEqualTo(302);
			assertThat(owner.get("/account").statusCode()).as("the owner's old session").isEqualTo(302);
		}

		private int mailsTo(String email) {
			return (int) client().outbox().stream().filter(mail -> email.equals(mail.get("to"))
					&& "Choose a new Newsstand password".equals(mail.get("subject"))).count();
		}

		private String resetLinkFor(String email) {
			return client().latestLink(email, "Choose a new Newsstand password");
		}

	}

	@Nested
	class ChangingTheAccount {

		@Test
		void changingTheAddressNeedsThePasswordAndMovesTheSignIn() {
			String email = uniqueEmail("mover");
			String newEmail = uniqueEmail("moved");
			SiteClient browser = client();
			browser.signUp(email, PASSWORD);
			HttpResponse<String> refused = browser.submit("/account", "/account/email", "newEmail", newEmail,
					"emailPassword", "wrong password");
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(refused.body()).contains("That is not your current password.");

			HttpResponse<String> changed = browser.submit("/account", "/account/email", "newEmail", newEmail,
					"emailPassword", PASSWORD);
			assertThat(changed.statusCode()).isEqualTo(302);
			assertThat(browser.get("/account").body()).contains("Signed in as <strong>" + newEmail);
			assertThat(client().signIn(newEmail, PASSWORD).headers().firstValue("Location").orElseThrow())
					.doesNotContain("error");
			assertThat(client().signIn(email, PASSWORD).headers().firstValue("Location").orElseThrow())
					.contains("error=bad");
		}

		@Test
		void changingThePasswordChecksTheCurrentOneAndThePolicy() {
			String email = uniqueEmail("changer");
			SiteClient browser = client();
			browser.signUp(email, PASSWORD);
			assertThat(browser
					.submit("/account", "/account/password", "currentPassword", PASSWORD, "newPassword", "1234567890")
					.body()).contains("one of the most common");
			assertThat(browser.submit("/account", "/account/password", "currentPassword", PASSWORD, "newPassword",
					"walnut harbour lantern").statusCode()).isEqualTo(302);
			assertThat(client().signIn(email, "walnut harbour lantern").headers().firstValue("Location").orElseThrow())
					.doesNotContain("error");
		}

		@Test
		void changingThePasswordSignsOutEveryOtherSessionButKeepsThisOne() {
			String email = uniqueEmail("careful");
			SiteClient laptop = client();
			laptop.signUp(email, PASSWORD);
			SiteClient phone = client();
			phone.signIn(email, PASSWORD);
			SiteClient remembered = client();
			remembered.signIn(email, PASSWORD, "remember", "true");
			assertThat(phone.get("/account").statusCode()).isEqualTo(200);

			assertThat(laptop.submit("/account", "/account/password", "currentPassword", PASSWORD, "newPassword",
					"walnut harbour lantern").statusCode()).isEqualTo(302);

			assertThat(laptop.get("/account").statusCode()).as("the session that changed it").isEqualTo(200);
			assertThat(phone.get("/account").statusCode()).as("another session").isEqualTo(302);
			assertThat(remembered.get("/account").statusCode()).as("a remember-me cookie of the old password")
					.isEqualTo(302);
		}

		@Test
		void deletingTheAccountEndsItsOtherSessionsToo() {
			String email = uniqueEmail("gone");
			SiteClient browser = client();
			browser.signUp(email, PASSWORD);
			SiteClient other = client();
			other.signIn(email, PASSWORD);
			browser.submit("/account", "/account/delete", "deletePassword", PASSWORD);
			assertThat(other.get("/account").statusCode()).isEqualTo(302);
			assertThat(other.get("/articles/paid-1").body()).doesNotContain(FakeArticles.secret("paid-1"));
			assertThat(redis.keys("newsstand:web:account:*:sessions")).as("no session list outlives its account")
					.allMatch(key -> Boolean.TRUE
							.equals(redis.hasKey(key.substring(0, key.length() - ":sessions".length()))));
		}

		@Test
		void deletingTheAccountSaysWhatHappensToTheMembershipAndSignsOut() {
			String email = uniqueEmail("leaver");
			SiteClient browser = client();
			browser.signUp(email, PASSWORD);
			assertThat(browser.get("/account").body()).contains("cancels your membership at the end of the period");
			assertThat(browser.submit("/account", "/account/delete", "deletePassword", "wrong one").statusCode())
					.isEqualTo(422);
			HttpResponse<String> deleted = browser.submit("/account", "/account/delete", "deletePassword", PASSWORD);
			assertThat(deleted.headers().firstValue("Location"))
					.hasValueSatisfying(location -> assertThat(location).endsWith("/?deleted"));
			assertThat(browser.get("/account").statusCode()).isEqualTo(302);
			assertThat(client().signIn(email, PASSWORD).headers().firstValue("Location").orElseThrow())
					.contains("error=bad");
			assertThat(redis.keys("newsstand:web:account-by-email:" + email)).isEmpty();
		}

	}

}
