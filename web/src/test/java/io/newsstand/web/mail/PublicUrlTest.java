package io.newsstand.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.newsstand.web.config.WebProperties;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Links that send the reader's own browser back (Stripe's success, cancel and
 * return URLs) follow the configured public URL, else the host the reader came
 * through when it names this machine (loopback, or the address the connection
 * reached) on the port the connection reached; e-mail links never take the
 * request's host.
 */
class PublicUrlTest {

	private static PublicUrl publicUrl(URI configured) {
		WebProperties properties = mock(WebProperties.class);
		when(properties.publicUrl()).thenReturn(configured);
		return new PublicUrl(properties, mock(ApplicationContext.class));
	}

	/** A request that reached this machine at 192.0.2.10 on {@code port}. */
	private static MockHttpServletRequest request(String scheme, String host, int port) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/membership/checkout");
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		request.setLocalAddr("192.0.2.10");
		request.setLocalPort(port);
		return request;
	}

	@Test
	void theConfiguredPublicUrlWins() {
		PublicUrl url = publicUrl(URI.create("https://news.example/"));
		assertThat(url.forRequest(request("http", "127.0.0.1", 8080), "/membership?cancelled"))
				.isEqualTo("https://news.example/membership?cancelled");
	}

	@Test
	void withoutOneTheReaderReturnsToTheLoopbackOrLocalAddressAndPortTheyCameThrough() {
		PublicUrl url = publicUrl(null);
		assertThat(url.forRequest(request("http", "127.0.0.1", 8123), "/account"))
				.isEqualTo("http://127.0.0.1:8123/account");
		assertThat(url.forRequest(request("http", "LOCALHOST", 8123), "/account"))
				.isEqualTo("http://LOCALHOST:8123/account");
		assertThat(url.forRequest(request("http", "::1", 8123), "/account")).isEqualTo("http://[::1]:8123/account");
		assertThat(url.forRequest(request("http", "[::1]", 8123), "/account")).isEqualTo("http://[::1]:8123/account");
		assertThat(url.forRequest(request("http", "192.0.2.10", 8123), "/account"))
				.isEqualTo("http://192.0.2.10:8123/account");
		assertThat(url.forRequest(request("http", "localhost", 80), "/account")).isEqualTo("http://localhost/account");
	}

	@Test
	void aHostThatDoesNotNameThisMachineFallsBack() {
		PublicUrl url = publicUrl(null);
		for (String host : new String[]{"evil.example", "reader.example", "192.0.2.11", "10.0.0.1", "::2",
				"localhost.evil.example", "127.0.0.1.nip.io", "999.0.0.1", "evil.example/@x"}) {
			assertThat(url.forRequest(request("http", host, 8123), "/account")).as(host)
					.isEqualTo("http://localhost:8080/account");
		}
	}

	@Test
	void aPortOtherThanTheOneTheConnectionArrivedOnFallsBack() {
		PublicUrl url = publicUrl(null);
		MockHttpServletRequest forged = request("http", "127.0.0.1", 6379);
		forged.setLocalPort(8123);
		assertThat(url.forRequest(forged, "/account")).isEqualTo("http://localhost:8080/account");
	}

	@Test
	void emailLinksNeverTakeTheRequestsHost() {
		assertThat(publicUrl(null).resolve("/signin")).isEqualTo("http://localhost:8080/signin");
	}

}
