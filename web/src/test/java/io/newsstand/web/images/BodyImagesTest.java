package io.newsstand.web.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BodyImagesTest {

	private static final String PHOTO = "https://cdn.publisher.example/photos/harbour.jpg?w=2000&h=1000";

	private final ImageLinks links = new ImageLinks(
			"0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

	private final BodyImages images = new BodyImages(this.links);

	@Test
	void aPictureInTheBodyComesThroughTheProxyAtEveryWidth() {
		String html = "<p>Before.</p><figure><img src=\"" + PHOTO.replace("&", "&amp;")
				+ "\" srcset=\"https://cdn.publisher.example/small.jpg 320w\" alt=\"The harbour\" width=\"1200\" height=\"800\">"
				+ "<figcaption>The harbour at dawn.</figcaption></figure><p>After.</p>";
		String proxied = this.images.proxied(html);
		Element img = Jsoup.parseBodyFragment(proxied).selectFirst("img");
		assertThat(img.attr("src")).isEqualTo(this.links.src(PHOTO, BodyImages.WIDTH));
		String[] parts = img.attr("src").split("/");
		assertThat(this.links.verify(parts[2], Integer.parseInt(parts[3]), parts[4])).isEqualTo(PHOTO);
		// The publisher's own srcset named its server too: replaced by the proxy's.
		assertThat(img.attr("srcset")).isEqualTo(this.links.srcset(PHOTO));
		assertThat(img.attr("sizes")).isEqualTo(BodyImages.SIZES);
		assertThat(img.attr("loading")).isEqualTo("lazy");
		// What the reader sees besides the picture is untouched.
		assertThat(img.attr("alt")).isEqualTo("The harbour");
		assertThat(img.attr("width")).isEqualTo("1200");
		assertThat(proxied).doesNotContain("publisher.example").startsWith("<p>Before.</p><figure>")
				.endsWith("<figcaption>The harbour at dawn.</figcaption></figure><p>After.</p>");
	}

	@Test
	void aPictureTheProxyCannotSignIsDroppedNotShownBroken() {
		String proxied = this.images.proxied(
				"<p>Text <img src=\"ftp://files.example/a.jpg\" alt=\"a\">" + "<img alt=\"no source\"> stays.</p>");
		assertThat(proxied).isEqualTo("<p>Text  stays.</p>");
	}

	@Test
	void aBodyWithoutPicturesIsReturnedAsItIs() {
		String html = "<p>Plain <b>text</b> &amp; more</p>";
		assertThat(this.images.proxied(html)).isSameAs(html);
	}

}
