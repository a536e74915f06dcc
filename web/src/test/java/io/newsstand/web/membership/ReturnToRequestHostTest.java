package io.newsstand.web.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A reader who opened the app at {@code http://127.0.0.1:<port>} (no public URL
 * configured) comes back from the sandbox's checkout and portal to 127.0.0.1,
 * where their session cookie lives, and arrives signed in.
 */
@ResourceLock(SiteTest.CLOCK)
class ReturnToRequestHostTest extends SiteTest {

	private static final String PASSWORD = "saffron harbour kettle";

	@Test
	void checkoutAndPortalSendTheReaderBackToTheHostTheyCameThrough() {
		String base = "http://127.0.0.1:" + this.port;
		SiteClient reader = new SiteClient(base);
		reader.signUp(uniqueEmail("loopback"), PASSWORD);

		HttpResponse<String> checkout = reader.submit("/membership", "/membership/checkout", "plan", "monthly");
		String hosted = checkout.headers().firstValue("Location").orElseThrow();
		String page = reader.getUrl(hosted).body();
		Matcher cancel = Pattern.compile("id=\"cancel\"[^>]*href=\"([^\"]+)\"").matcher(page);
		assertThat(cancel.find()).isTrue();
		assertThat(cancel.group(1)).isEqualTo(base + "/membership?cancelled");

		HttpResponse<String> paid = reader.postUrl(hosted, reader.withCsrf("cardNumber", "4242424242424242"));
		String success = paid.headers().firstValue("Location").orElseThrow();
		assertThat(success).startsWith(base + "/membership/welcome?session_id=");
		HttpResponse<String> welcome = reader.getUrl(success);
		assertThat(welcome.statusCode()).as("signed in on return, not sent to sign in").isEqualTo(200);

		HttpResponse<String> portal = reader.post("/account/membership/portal", reader.withCsrf());
		String portalPage = reader.getUrl(portal.headers().firstValue("Location").orElseThrow()).body();
		assertThat(portalPage).containsPattern("id=\"return\"[^>]*href=\"" + Pattern.quote(base + "/account") + "\"");
		assertThat(reader.get("/account").statusCode()).isEqualTo(200);
	}

	@Test
	void aReaderOnLocalhostReturnsToLocalhost() {
		SiteClient reader = new SiteClient("http://localhost:" + this.port);
		reader.signUp(uniqueEmail("localhost"), PASSWORD);
		HttpResponse<String> checkout = reader.submit("/membership", "/membership/checkout", "plan", "monthly");
		String hosted = checkout.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> paid = reader.postUrl(hosted, reader.withCsrf("cardNumber", "4242424242424242"));
		assertThat(paid.headers().firstValue("Location").orElseThrow())
				.startsWith("http://localhost:" + this.port + "/membership/welcome?session_id=");
	}

}
