package io.newsstand.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The Stripe sandbox's hosted checkout and portal pages in the whole app: they
 * answer only the signed-in reader they were opened for (another reader gets
 * 404, an anonymous one the sign-in page), and their forms need the site's CSRF
 * token like every other form.
 */
@ResourceLock(SiteTest.CLOCK)
class SandboxPagesSecurityTest extends SiteTest {

	private static final String PASSWORD = "harbour velvet compass";

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location")
				.orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
	}

	private SiteClient reader(String name) {
		SiteClient reader = client();
		reader.signUp(uniqueEmail(name), PASSWORD);
		return reader;
	}

	@Test
	void aCheckoutPageServesOnlyItsReaderAndNeedsTheCsrfToken() {
		SiteClient owner = reader("owner");
		String hosted = location(owner.submit("/membership", "/membership/checkout", "plan", "monthly"));
		assertThat(hosted).contains("/sandbox/stripe/checkout/cs_test_");

		SiteClient anonymous = client();
		assertThat(location(anonymous.getUrl(hosted))).contains("/signin");
		assertThat(anonymous.postUrl(hosted, Map.of("cardNumber", "4242424242424242")).statusCode()).isEqualTo(403);

		SiteClient other = reader("other");
		assertThat(other.getUrl(hosted).statusCode()).isEqualTo(404);
		other.get("/account");
		assertThat(other.postUrl(hosted, other.withCsrf("cardNumber", "4242424242424242")).statusCode())
				.as("another reader, with a valid token of their own").isEqualTo(404);

		HttpResponse<String> page = owner.getUrl(hosted);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"_csrf\"");
		assertThat(owner.postUrl(hosted, Map.of("cardNumber", "4242424242424242")).statusCode()).as("no CSRF token")
				.isEqualTo(403);
		assertThat(owner.get("/account").body()).doesNotContain("Your free trial ends on");

		HttpResponse<String> paid = owner.postUrl(hosted, owner.withCsrf("cardNumber", "4242424242424242"));
		assertThat(paid.statusCode()).isEqualTo(303);
		assertThat(location(paid)).contains("/membership/welcome");
	}

	@Test
	void aPortalPageServesOnlyItsReaderAndItsFormsNeedTheCsrfToken() {
		SiteClient owner = reader("portal");
		owner.startTrial("monthly", "4242424242424242");
		String portal = location(owner.submit("/account", "/account/membership/portal"));
		assertThat(portal).contains("/sandbox/stripe/portal/bps_");

		assertThat(location(client().getUrl(portal))).contains("/signin");
		SiteClient other = reader("intruder");
		assertThat(other.getUrl(portal).statusCode()).isEqualTo(404);
		other.get("/account");
		assertThat(other.postUrl(portal + "/cancel", other.withCsrf()).statusCode()).isEqualTo(404);
		assertThat(other.postUrl(portal + "/advance", other.withCsrf("days", "30")).statusCode()).isEqualTo(404);

		HttpResponse<String> page = owner.getUrl(portal);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"_csrf\"");
		assertThat(owner.postUrl(portal + "/cancel", Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
		assertThat(owner.getUrl(portal).body()).contains("id=\"cancel-submit\"");

		assertThat(owner.postUrl(portal + "/cancel", owner.withCsrf()).statusCode()).isEqualTo(303);
		assertThat(owner.getUrl(portal).body()).contains("id=\"resume-submit\"");
	}

}
