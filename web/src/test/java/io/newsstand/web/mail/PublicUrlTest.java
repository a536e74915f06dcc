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
 * through; e-mail links never take the request's host.
 */
class PublicUrlTest {

	private static PublicUrl publicUrl(URI configured) {
		WebProperties properties = mock(WebProperties.class);
		when(properties.publicUrl()).thenReturn(configured);
		return new PublicUrl(properties, mock(ApplicationContext.class));
	}

	private static MockHttpServletRequest request(String scheme, String host, int port) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/membership/checkout");
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		return request;
	}

	@Test
	void theConfiguredPublicUrlWins() {
		PublicUrl url = publicUrl(URI.create("https://news.example/"));
		assertThat(url.forRequest(request("http", "127.0.0.1", 8080), "/membership?cancelled"))
				.isEqualTo("https://news.example/membership?cancelled");
	}

	@Test
	void withoutOneTheReaderReturnsToTheSchemeHostAndPortTheyCameThrough() {
		PublicUrl url = publicUrl(null);
		assertThat(url.forRequest(request("http", "127.0.0.1", 8123), "/account"))
				.isEqualTo("http://127.0.0.1:8123/account");
		assertThat(url.forRequest(request("https", "reader.example", 443), "/account"))
				.isEqualTo("https://reader.example/account");
		assertThat(url.forRequest(request("http", "::1", 8123), "/account")).isEqualTo("http://[::1]:8123/account");
	}

	@Test
	void aHostThatIsNoPlainNameFallsBackAndEmailLinksNeverTakeTheRequestsHost() {
		PublicUrl url = publicUrl(null);
		assertThat(url.forRequest(request("http", "evil.example/@x", 8123), "/account"))
				.isEqualTo("http://localhost:8080/account");
		assertThat(url.resolve("/signin")).isEqualTo("http://localhost:8080/signin");
	}

}
