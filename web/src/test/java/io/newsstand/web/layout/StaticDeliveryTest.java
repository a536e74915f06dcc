package io.newsstand.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What Lighthouse checks of static delivery: text compression, a favicon and
 * icons, fingerprinted files with long cache lifetimes, and pages that no
 * shared cache keeps.
 */
class StaticDeliveryTest extends SiteTest {

	private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pagesLinkTheFingerprintedStylesheetWhichIsCachedForAYear() throws Exception {
		String stylesheet = stylesheetOf("/");
		HttpResponse<byte[]> css = get(stylesheet);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
		assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
	}

	@Test
	void aWrongFingerprintIsNotFoundSoNoStaleFileIsPinnedForAYear() throws Exception {
		assertThat(get("/css/site-00000000000000000000000000000000.css").statusCode()).isEqualTo(404);
	}

	@Test
	void theUnversionedPathIsRevalidatedOnEveryUse() throws Exception {
		HttpResponse<byte[]> css = get("/css/site.css");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control")).hasValue("no-cache");
	}

	@Test
	void pagesAreNeverKeptBySharedCaches() throws Exception {
		HttpResponse<byte[]> page = get("/");
		assertThat(page.headers().firstValue("Cache-Control"))
				.hasValueSatisfying(value -> assertThat(value).contains("no-store").doesNotContain("public"));
	}

	@ParameterizedTest
	@CsvSource({"/, text/html", "/api/v1/home, application/json", "/fixtures/compressible.svg, image/svg+xml",
			"STYLESHEET, text/css"})
	void textIsCompressedForClientsThatAcceptGzip(String path, String type) throws Exception {
		String url = "STYLESHEET".equals(path) ? stylesheetOf("/") : path;
		HttpResponse<byte[]> plain = get(url);
		HttpResponse<byte[]> zipped = get(url, "Accept-Encoding", "gzip");
		assertThat(zipped.statusCode()).isEqualTo(200);
		assertThat(zipped.headers().firstValue("Content-Type"))
				.hasValueSatisfying(value -> assertThat(value).startsWith(type));
		assertThat(zipped.headers().firstValue("Content-Encoding")).as(url).hasValue("gzip");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(zipped.body().length).isLessThan(plain.body().length);
		assertThat(gunzip(zipped.body())).isNotBlank();
	}

	@Test
	void theFaviconIsARealIconFile() throws Exception {
		HttpResponse<byte[]> favicon = get("/favicon.ico");
		assertThat(favicon.statusCode()).isEqualTo(200);
		assertThat(favicon.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).matches("image/(x-icon|vnd\\.microsoft\\.icon)"));
		byte[] body = favicon.body();
		// ICONDIR: reserved 0, type 1 (icon), then the number of images.
		assertThat(new byte[]{body[0], body[1], body[2], body[3]}).containsExactly(0, 0, 1, 0);
		assertThat(body[4]).isGreaterThanOrEqualTo((byte) 1);
		assertThat(favicon.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
	}

	@ParameterizedTest
	@CsvSource({"/icons/icon-192.png, 192", "/icons/icon-512.png, 512", "/icons/maskable-192.png, 192",
			"/icons/maskable-512.png, 512", "/icons/apple-touch-icon.png, 180"})
	void appIconsArePngsOfTheirNamedSize(String path, int size) throws Exception {
		HttpResponse<byte[]> icon = get(path);
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(icon.body()));
		assertThat(image.getWidth()).isEqualTo(size);
		assertThat(image.getHeight()).isEqualTo(size);
	}

	@Test
	void theLayoutLinksTheFaviconAndTheAppleTouchIcon() throws Exception {
		String page = new String(get("/").body(), StandardCharsets.UTF_8);
		assertThat(page).contains("<link rel=\"icon\" href=\"/favicon.ico\"")
				.containsPattern("<link rel=\"apple-touch-icon\" href=\"/icons/apple-touch-icon-[0-9a-f]{32}\\.png\">");
	}

	private String stylesheetOf(String path) throws Exception {
		Matcher matcher = STYLESHEET.matcher(new String(get(path).body(), StandardCharsets.UTF_8));
		assertThat(matcher.find()).as("the page links a fingerprinted stylesheet").isTrue();
		return matcher.group(1);
	}

	private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
