package io.newsstand.web.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisTestContextInitializer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The proxy against a real local "publisher" (allowed as a private host, as an
 * operator would for an intranet CDN) and a second local server that stands for
 * the private network (not allowed). Every hostile case gets a clear status,
 * and the node keeps serving afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"newsstand.aggregator.polling-enabled=false", "newsstand.aggregator.request-timeout=1s",
		"newsstand.aggregator.max-feed-size=1MB", "newsstand.web.images.max-pixels=40000000",
		"newsstand.web.images.cache-dir=target/image-proxy-test/${random.uuid}"})
@ContextConfiguration(initializers = RedisTestContextInitializer.class)
class ImageProxySecurityTest {

	static final ImageServer publisher = new ImageServer();

	static final ImageServer intranet = new ImageServer();

	static final CountDownLatch release = new CountDownLatch(1);

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	ImageLinks links;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void allowThePublisher(DynamicPropertyRegistry registry) {
		registry.add("newsstand.aggregator.allowed-private-hosts", () -> "127.0.0.1:" + publisher.port());
	}

	@AfterAll
	static void stop() {
		release.countDown();
		publisher.close();
		intranet.close();
	}

	@Test
	void aJpegIsResizedToTheWidthAskedAndCachedWithValidators() throws Exception {
		publisher.serve("/photo.jpg", "image/jpeg", TestImages.jpeg(2000, 1000));
		HttpResponse<byte[]> first = get(this.links.src(publisher.url("/photo.jpg"), 640));
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("public")
				.contains("max-age=2592000");
		BufferedImage image = TestImages.read(first.body());
		assertThat(image.getWidth()).isEqualTo(640);
		assertThat(image.getHeight()).isEqualTo(320);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(first.headers().firstValue("Last-Modified")).isPresent();

		HttpResponse<byte[]> again = get(this.links.src(publisher.url("/photo.jpg"), 640), "If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		HttpResponse<byte[]> third = get(this.links.src(publisher.url("/photo.jpg"), 640));
		assertThat(third.body()).isEqualTo(first.body());
		assertThat(publisher.hits("/photo.jpg")).as("served from the cache").isEqualTo(1);
	}

	@Test
	void aSmallerSourceIsNeverEnlarged() throws Exception {
		publisher.serve("/small.jpg", "image/jpeg", TestImages.jpeg(300, 200));
		HttpResponse<byte[]> response = get(this.links.src(publisher.url("/small.jpg"), 1280));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestImages.read(response.body()).getWidth()).isEqualTo(300);
	}

	@Test
	void transparencyComesBackAsPngAndGifIsAccepted() throws Exception {
		publisher.serve("/logo.png", "image/png", TestImages.transparentPng(800, 400));
		publisher.serve("/anim.gif", "image/gif", TestImages.gif(400, 300));
		HttpResponse<byte[]> png = get(this.links.src(publisher.url("/logo.png"), 320));
		assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(TestImages.read(png.body()).getColorModel().hasAlpha()).isTrue();
		assertThat(get(this.links.src(publisher.url("/anim.gif"), 320)).statusCode()).isEqualTo(200);
	}

	@Test
	void aTamperedLinkIs403AndFetchesNothing() throws Exception {
		publisher.serve("/secret.jpg", "image/jpeg", TestImages.jpeg(100, 100));
		String[] signed = this.links.src(publisher.url("/photo.jpg"), 640).split("/");
		String[] other = this.links.src(publisher.url("/secret.jpg"), 640).split("/");
		assertThat(get("/img/" + signed[2] + "/640/" + other[4]).statusCode()).isEqualTo(403);
		assertThat(get("/img/" + signed[2] + "/1280/" + signed[4]).statusCode()).isEqualTo(403);
		assertThat(get("/img/" + signed[2] + "/abc/" + signed[4]).statusCode()).isEqualTo(403);
		assertThat(get("/img/AAAA/640/" + other[4], "If-None-Match", "\"x\"").statusCode()).isEqualTo(403);
		assertThat(publisher.hits("/secret.jpg")).isZero();
	}

	@Test
	void svgIsRefusedWhateverItsContentTypeSays() throws Exception {
		publisher.serve("/chart.png", "image/png", TestImages.svg());
		publisher.serve("/chart.svg", "image/svg+xml", TestImages.svg());
		HttpResponse<byte[]> response = get(this.links.src(publisher.url("/chart.png"), 640));
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(new String(response.body())).doesNotContain("<svg").doesNotContain("script");
		assertThat(get(this.links.src(publisher.url("/chart.svg"), 640)).statusCode()).isEqualTo(502);
		// Refused once, refused again without asking the publisher for minutes.
		assertThat(get(this.links.src(publisher.url("/chart.png"), 640)).statusCode()).isEqualTo(502);
		assertThat(publisher.hits("/chart.png")).isEqualTo(1);
	}

	@Test
	void aDecompressionBombIsRefusedBeforeDecodingAndTheNodeGoesOn() throws Exception {
		byte[] bomb = TestImages.pngBomb(100_000, 100_000);
		assertThat(bomb.length).isLessThan(10_000);
		publisher.serve("/bomb.png", "image/png", bomb);
		assertThat(get(this.links.src(publisher.url("/bomb.png"), 640)).statusCode()).isEqualTo(502);
		publisher.serve("/after-bomb.jpg", "image/jpeg", TestImages.jpeg(700, 400));
		assertThat(get(this.links.src(publisher.url("/after-bomb.jpg"), 640)).statusCode()).isEqualTo(200);
	}

	@Test
	void aBodyOverTheFeedCapIs502() throws Exception {
		publisher.serve("/huge.jpg", "image/jpeg", new byte[2 * 1024 * 1024]);
		assertThat(get(this.links.src(publisher.url("/huge.jpg"), 640)).statusCode()).isEqualTo(502);
	}

	@Test
	void aBrokenImageIs502() throws Exception {
		publisher.serve("/broken.png", "image/png", TestImages.truncatedPng());
		publisher.serve("/broken.jpg", "image/jpeg", TestImages.garbageJpeg());
		publisher.serve("/page.jpg", "image/jpeg", "<html><body>Not found</body></html>".getBytes());
		assertThat(get(this.links.src(publisher.url("/broken.png"), 640)).statusCode()).isEqualTo(502);
		assertThat(get(this.links.src(publisher.url("/broken.jpg"), 640)).statusCode()).isEqualTo(502);
		assertThat(get(this.links.src(publisher.url("/page.jpg"), 640)).statusCode()).isEqualTo(502);
	}

	@Test
	void aPrivateAddressIs403AndNeverContacted() throws Exception {
		intranet.serve("/admin.png", "image/png", TestImages.transparentPng(10, 10));
		assertThat(get(this.links.src(intranet.url("/admin.png"), 640)).statusCode()).isEqualTo(403);
		assertThat(get(this.links.src("http://169.254.169.254/latest/meta-data/", 640)).statusCode()).isEqualTo(403);
		assertThat(intranet.hits("/admin.png")).isZero();
	}

	@Test
	void aRedirectToAPrivateAddressIs403() throws Exception {
		intranet.serve("/internal.jpg", "image/jpeg", TestImages.jpeg(100, 100));
		publisher.on("/moved.jpg", exchange -> {
			exchange.getResponseHeaders().set("Location", intranet.url("/internal.jpg"));
			exchange.sendResponseHeaders(302, -1);
		});
		assertThat(get(this.links.src(publisher.url("/moved.jpg"), 640)).statusCode()).isEqualTo(403);
		assertThat(intranet.hits("/internal.jpg")).isZero();
	}

	@Test
	void theAppsOwnPagesAreNotFetchedAsImages() throws Exception {
		assertThat(get(this.links.src("http://127.0.0.1:" + this.port + "/actuator/health", 640)).statusCode())
				.isEqualTo(403);
	}

	@Test
	void aPublisherThatNeverAnswersIs504() throws Exception {
		publisher.on("/slow.jpg", exchange -> {
			try {
				release.await(30, TimeUnit.SECONDS);
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		assertThat(get(this.links.src(publisher.url("/slow.jpg"), 640)).statusCode()).isEqualTo(504);
	}

	private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
