package io.newsstand.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A {@code Host} (or {@code X-Forwarded-Host}) header is whatever its sender
 * writes. No redirect of the site, and no address the app hands Stripe to send
 * the reader back to, may name a host the sender chose: not another site, not
 * another port of this machine.
 */
@ResourceLock(SiteTest.CLOCK)
class ForgedHostTest extends SiteTest {

	private static final String PASSWORD = "saffron harbour kettle";

	private static final Pattern LOCATION = Pattern.compile("(?im)^Location: *(\\S+)");

	@Test
	void noRedirectOfTheSiteNamesAForgedHost() {
		for (String request : new String[]{"GET /account HTTP/1.1", "GET /edition/UK?next=/sections/world HTTP/1.1",
				"GET /saved HTTP/1.1", "GET /membership/welcome?session_id=x HTTP/1.1"}) {
			String location = location(raw(request + "\r\nHost: evil.example\r\nConnection: close\r\n\r\n"));
			assertThat(location).as(request).startsWith("/").doesNotStartWith("//").doesNotContain("evil.example");
		}
	}

	@Test
	void stripeSendsTheReaderBackOnlyToThisMachineWhateverHostTheCheckoutNamed() {
		String ours = "http://localhost:" + this.port;
		for (String host : new String[]{"evil.example", "evil.example:" + this.port, "127.0.0.1:1",
				"10.9.8.7:" + this.port}) {
			// A reader each: an open checkout session is reused with the addresses it
			// was made with.
			SiteClient reader = client();
			reader.signUp(uniqueEmail("forged-host"), PASSWORD);
			String hosted = forgedCheckout(reader, "Host: " + host);
			assertThat(hosted).as(host).startsWith("/sandbox/stripe/checkout/");
			String page = reader.getUrl(hosted).body();
			Matcher cancel = Pattern.compile("id=\"cancel\"[^>]*href=\"([^\"]+)\"").matcher(page);
			assertThat(cancel.find()).isTrue();
			assertThat(cancel.group(1)).as(host).isEqualTo(ours + "/membership?cancelled");
			HttpResponse<String> paid = reader.postUrl(hosted, reader.withCsrf("cardNumber", "4242424242424242"));
			assertThat(paid.headers().firstValue("Location").orElseThrow()).as(host)
					.startsWith(ours + "/membership/welcome?session_id=");
		}
	}

	@Test
	void aForwardedHostFromAPeerThatIsNoTrustedProxyChangesNothing() {
		SiteClient reader = client();
		reader.signUp(uniqueEmail("forwarded-host"), PASSWORD);
		String hosted = forgedCheckout(reader,
				"Host: 127.0.0.1:" + this.port + "\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Port: 1");
		reader.getUrl(hosted);
		HttpResponse<String> paid = reader.postUrl(hosted, reader.withCsrf("cardNumber", "4242424242424242"));
		assertThat(paid.headers().firstValue("Location").orElseThrow())
				.startsWith("http://127.0.0.1:" + this.port + "/membership/welcome?session_id=");
	}

	/** Posts the plans page's checkout form with a header of the test's choice. */
	private String forgedCheckout(SiteClient reader, String hostHeaders) {
		reader.get("/membership");
		String body = "plan=monthly&_csrf=" + URLEncoder.encode(reader.csrf(), StandardCharsets.UTF_8);
		String answer = raw("POST /membership/checkout HTTP/1.1\r\n" + hostHeaders + "\r\nCookie: SESSION="
				+ reader.cookie("SESSION").orElseThrow() + "; newsstand-csrf="
				+ reader.cookie("newsstand-csrf").orElseThrow()
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body);
		assertThat(answer).startsWith("HTTP/1.1 302");
		return location(answer);
	}

	private static String location(String answer) {
		Matcher location = LOCATION.matcher(answer);
		assertThat(location.find()).as(answer).isTrue();
		return location.group(1);
	}

	/** One request written as it is: Java's HTTP client will not forge a Host. */
	private String raw(String request) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			try {
				socket.getInputStream().transferTo(answer);
			} catch (SocketTimeoutException ex) {
				// Connection: close ends the answer; a timeout keeps what came.
			}
			return answer.toString(StandardCharsets.ISO_8859_1);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
