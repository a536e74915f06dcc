package io.newsstand.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages go out whole: rendered first, then written in one call
 * ({@link WholePages}) into the response buffer, so the server sends them with
 * their length, not streamed in chunks; the text is the same UTF-8 page.
 */
class WholePagesTest extends SiteTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@ParameterizedTest
	@ValueSource(strings = {"/", "/signin", "/membership", "/sections", "/no-such-page"})
	void aPageIsSentWithItsLengthAndWhole(String path) throws Exception {
		HttpResponse<byte[]> page = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.headers().firstValue("Transfer-Encoding")).as("not streamed in chunks").isEmpty();
		assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(page.body().length);
		String html = new String(page.body(), StandardCharsets.UTF_8);
		assertThat(html).startsWith("<!DOCTYPE html>").contains("</html>");
	}

}
