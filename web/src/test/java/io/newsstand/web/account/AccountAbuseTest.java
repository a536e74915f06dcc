package io.newsstand.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.Billing;
import io.newsstand.web.benchmark.RedisMonitor;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Accounts as someone trying to read for free, to spend another person's trial,
 * to find out who has an account, or to keep a stolen sign-in would use them.
 */
@ResourceLock(SiteTest.CLOCK)
class AccountAbuseTest extends SiteTest {

	private static final String PASSWORD = "lichen harbour quill";

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	LettuceConnectionFactory redisConnection;

	@Autowired
	Billing billing;

	@Autowired
	AccountStore accounts;

	@Nested
	class EmailVerification {

		@Test
		void aThrowawayAccountReadsNothingInFullUntilItsAddressIsConfirmed() {
			String email = uniqueEmail("throwaway");
			SiteClient reader = client();
			assertThat(reader.signUpOnly(email, PASSWORD).statusCode()).isEqualTo(302);
			reader.signIn(email, PASSWORD);
			String page = reader.get("/articles/paid-1").body();
			assertThat(page).doesNotContain(FakeArticles.secret("paid-1"))
					.contains("Confirm your e-mail address to read this article");
			assertThat(reader.get("/account").body()).contains("Free articles left this month: 0.")
					.contains("Your address is not confirmed yet");

			reader.getUrl(reader.latestLink(email, "Confirm your e-mail address"));
			assertThat(reader.get("/articles/paid-1").body()).contains(FakeArticles.secret("paid-1"))
					.contains("Free articles left: 2");
		}

		@Test
		void anUnconfirmedAccountNeverSpendsTheTrialOfTheAddressItNames() {
			String victim = uniqueEmail("victim");
			SiteClient squatter = client();
			squatter.signUpOnly(victim, PASSWORD);
			squatter.signIn(victim, PASSWORD);
			squatter.get("/membership");
			HttpResponse<String> checkout = squatter.post("/membership/checkout", squatter.withCsrf("plan", "monthly"));
			assertThat(checkout.headers().firstValue("Location"))
					.hasValueSatisfying(location -> assertThat(location).endsWith("/membership?problem=verify"));
			assertThat(squatter.get("/membership?problem=verify").body()).contains("Confirm your e-mail address first");
			assertThat(this.billing().trialEligibility("someone-else", victim).eligible())
					.as("the address's trial is neither used nor reserved").isTrue();

			// The owner takes the account back through a reset link, which also confirms
			// the address, and gets the trial.
			SiteClient owner = client();
			owner.submit("/password-reset", "/password-reset", "email", victim);
			String link = owner.latestLink(victim, "Choose a new Newsstand password");
			String path = link.substring(link.indexOf("/password-reset/"));
			owner.submit(path, path, "password", "the owner's own secret");
			assertThat(squatter.get("/account").statusCode()).as("the squatter is signed out").isEqualTo(302);
			owner.signIn(victim, "the owner's own secret");
			assertThat(owner.get("/membership").body()).contains("Start my free trial")
					.doesNotContain("Confirm your e-mail address first");
		}

		@Test
		void aGmailVariantOfAConfirmedAddressGetsNoMeterOfItsOwn() {
			String name = "reader" + UUID.randomUUID().toString().substring(0, 8);
			String original = name + "@gmail.com";
			client().signUp(original, PASSWORD);
			String variant = name.charAt(0) + "." + name.substring(1) + "+free@googlemail.com";
			SiteClient second = client();
			assertThat(second.signUpOnly(variant, PASSWORD).statusCode()).isEqualTo(302);
			HttpResponse<String> confirmed = second.getUrl(second.latestLink(variant, "Confirm your e-mail address"));
			assertThat(confirmed.statusCode()).isEqualTo(409);
			assertThat(confirmed.body()).contains("This address already has an account");
			second.signIn(variant, PASSWORD);
			assertThat(second.get("/articles/paid-1").body()).doesNotContain(FakeArticles.secret("paid-1"));
			assertThat(this.accounts().findByEmail(variant).orElseThrow().emailVerified()).isFalse();
		}

		@Test
		void movingAConfirmedAccountToAnotherAddressNeedsThatAddressConfirmed() {
			String email = uniqueEmail("mover");
			SiteClient reader = client();
			reader.signUp(email, PASSWORD);
			String other = uniqueEmail("someone-else");
			reader.submit("/account", "/account/email", "newEmail", other, "emailPassword", PASSWORD);
			assertThat(reader.get("/articles/paid-1").body()).doesNotContain(FakeArticles.secret("paid-1"));
			assertThat(reader.post("/membership/checkout", reader.withCsrf("plan", "monthly")).headers()
					.firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("=verify"));
			reader.getUrl(reader.latestLink(other, "Confirm your e-mail address"));
			assertThat(reader.get("/articles/paid-1").body()).contains(FakeArticles.secret("paid-1"));
		}

		@Test
		void signUpsAreLimitedPerClientWithRetryAfter() {
			long window = clock.millis() / Duration.ofHours(1).toMillis();
			List<String> keys = List.of(WebKeys.signUpsForAddress("127.0.0.1", window),
					WebKeys.signUpsForAddress("0:0:0:0:0:0:0:1", window));
			keys.forEach(key -> this.redis().opsForValue().set(key, "100000"));
			try {
				HttpResponse<String> page = client().signUpOnly(uniqueEmail("flood"), PASSWORD);
				assertThat(page.statusCode()).isEqualTo(429);
				assertThat(page.headers().firstValue("Retry-After"))
						.hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
				assertThat(page.body()).contains("Too many new accounts from your network");
				HttpResponse<String> api = client().postJson("/api/v1/accounts",
						"{\"email\":\"" + uniqueEmail("flood") + "\",\"password\":\"" + PASSWORD + "\"}");
				assertThat(api.statusCode()).isEqualTo(429);
				assertThat(api.headers().firstValue("Retry-After")).isPresent();
			} finally {
				this.redis().delete(keys);
			}
		}

		private Billing billing() {
			return AccountAbuseTest.this.billing;
		}

		private AccountStore accounts() {
			return AccountAbuseTest.this.accounts;
		}

		private StringRedisTemplate redis() {
			return AccountAbuseTest.this.redis;
		}

	}

	@Nested
	class NewPasswords {

		@Test
		void aResetRevokesEveryOtherResetLinkEveryApiTokenAndEveryRememberMeLogin() {
			String email = uniqueEmail("revoked");
			client().signUp(email, PASSWORD);
			SiteClient remembered = client();
			remembered.signIn(email, PASSWORD, "remember", "true");
			String token = apiToken(email);

			client().submit("/password-reset", "/password-reset", "email", email);
			String older = path(client().latestLink(email, "Choose a new Newsstand password"));
			client().submit("/password-reset", "/password-reset", "email", email);
			String newer = path(client().latestLink(email, "Choose a new Newsstand password"));
			assertThat(newer).isNotEqualTo(older);

			client().submit(newer, newer, "password", "a fresh start here");

			assertThat(client().get(older).statusCode()).as("the other reset link").isEqualTo(410);
			assertThat(client().get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).as("the API token")
					.isEqualTo(401);
			remembered.dropCookie("SESSION");
			assertThat(remembered.get("/account").statusCode()).as("the remember-me cookie").isEqualTo(302);
		}

		@Test
		void aPasswordChangeRevokesResetLinksApiTokensAndRememberMeButKeepsThisSession() {
			String email = uniqueEmail("changer");
			SiteClient reader = client();
			reader.signUp(email, PASSWORD);
			SiteClient remembered = client();
			remembered.signIn(email, PASSWORD, "remember", "true");
			String token = apiToken(email);
			client().submit("/password-reset", "/password-reset", "email", email);
			String link = path(client().latestLink(email, "Choose a new Newsstand password"));

			reader.submit("/account", "/account/password", "currentPassword", PASSWORD, "newPassword",
					"another fine secret");

			assertThat(reader.get("/account").statusCode()).isEqualTo(200);
			assertThat(client().get(link).statusCode()).isEqualTo(410);
			assertThat(client().get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
			remembered.dropCookie("SESSION");
			assertThat(remembered.get("/account").statusCode()).isEqualTo(302);
		}

		private String apiToken(String email) {
			HttpResponse<String> issued = client().postJson("/api/v1/auth/token",
					"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
			Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(issued.body());
			assertThat(token.find()).as(issued.body()).isTrue();
			return token.group(1);
		}

		private static String path(String link) {
			return link.substring(link.indexOf("/password-reset/"));
		}

	}

	@Nested
	class RememberMe {

		@Test
		void signingOutRevokesTheRememberMeCookieEverywhere() {
			String email = uniqueEmail("leaver");
			client().signUp(email, PASSWORD);
			SiteClient browser = client();
			browser.signIn(email, PASSWORD, "remember", "true");
			String cookie = browser.cookie("newsstand-remember").orElseThrow();
			browser.get("/account");
			browser.post("/signout", browser.withCsrf());

			SiteClient thief = client();
			thief.addCookie("newsstand-remember", cookie);
			assertThat(thief.get("/account").statusCode()).as("a copy of the cookie after sign-out").isEqualTo(302);
		}

		@Test
		void everyCookieTheAppSetsIsSameSiteLax() {
			String email = uniqueEmail("cookies");
			client().signUp(email, PASSWORD);
			SiteClient browser = client();
			HttpResponse<String> form = browser.get("/signin");
			HttpResponse<String> signedIn = browser.post("/signin",
					browser.withCsrf("email", email, "password", PASSWORD, "remember", "true"));
			List<String> cookies = new ArrayList<>(form.headers().allValues("Set-Cookie"));
			cookies.addAll(signedIn.headers().allValues("Set-Cookie"));
			assertThat(cookies).anyMatch(c -> c.startsWith("SESSION="))
					.anyMatch(c -> c.startsWith("newsstand-remember=")).anyMatch(c -> c.startsWith("newsstand-csrf="));
			assertThat(cookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax"));
			assertThat(cookies).as("plain HTTP from a client, not a trusted proxy")
					.noneSatisfy(c -> assertThat(c).containsIgnoringCase("Secure"));
		}

	}

	@Nested
	class Enumeration {

		/**
		 * The Redis commands of a reset request, as (command, key family), for the
		 * app's own database, without the development outbox's write (the stand-in for
		 * SMTP, which is sent in the background).
		 */
		private List<String> stepsOfAResetFor(String email) throws Exception {
			SiteClient client = client();
			client.get("/password-reset");
			// Each request is the first of its window from this address, so both count
			// (and start the window) alike.
			long window = clock.millis() / Duration.ofHours(1).toMillis();
			redis.delete(List.of(WebKeys.passwordResetsForAddress("127.0.0.1", window),
					WebKeys.passwordResetsForAddress("0:0:0:0:0:0:0:1", window)));
			try (RedisMonitor monitor = new RedisMonitor("127.0.0.1", redisConnection.getPort())) {
				// Everything sent before this point (the sign-up's own steps) is seen
				// before counting starts.
				monitor.commands();
				monitor.clear();
				HttpResponse<String> answer = client.post("/password-reset", client.withCsrf("email", email));
				assertThat(answer.statusCode()).isEqualTo(200);
				Pattern line = Pattern.compile("\\[" + redisConnection.getDatabase() + " [^]]+\\] \"([A-Z]+)\" "
						+ "\"newsstand:web:([a-z-]+)[^\"]*\"");
				return monitor.commands().stream().map(line::matcher).filter(Matcher::find)
						.map(match -> match.group(1) + " " + match.group(2))
						.filter(step -> !step.endsWith(" outbox") && !step.contains(" signin-failures")).toList();
			}
		}

		@Test
		void aResetRequestTakesTheSameStepsForAKnownAndAnUnknownAddress() throws Exception {
			String known = uniqueEmail("known");
			client().signUp(known, PASSWORD);
			List<String> knownSteps = stepsOfAResetFor(known);
			List<String> unknownSteps = stepsOfAResetFor(uniqueEmail("unknown"));
			assertThat(knownSteps).contains("GET account-by-email", "SET password-reset", "SADD account");
			assertThat(unknownSteps).isEqualTo(knownSteps);
			assertThat(client().latestLink(known, "Choose a new Newsstand password")).contains("/password-reset/");
		}

	}

}
