package io.newsstand.web.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisExtension;
import io.newsstand.web.redis.WebKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class ImageLinksTest {

	private static final String PHOTO = "https://cdn.example.com/photos/harbour.jpg?w=2000";

	private final ImageLinks links = new ImageLinks(
			"0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

	@ParameterizedTest
	@CsvSource({"1,320", "320,320", "321,640", "700,960", "960,960", "1000,1280", "5000,1280"})
	void widthsRoundUpToTheNextThatIsMade(int asked, int made) {
		String src = this.links.src(PHOTO, asked);
		assertThat(src).startsWith("/img/").contains("/" + made + "/");
	}

	@Test
	void aLinkVerifiesToItsOriginalUrl() {
		String[] parts = this.links.src(PHOTO, 640).split("/");
		assertThat(this.links.verify(parts[2], Integer.parseInt(parts[3]), parts[4])).isEqualTo(PHOTO);
	}

	@Test
	void anotherWidthOrUrlOrKeyDoesNotVerify() {
		String[] parts = this.links.src(PHOTO, 640).split("/");
		String[] other = this.links.src("https://cdn.example.com/other.jpg", 640).split("/");
		assertThat(this.links.verify(parts[2], 1280, parts[4])).isNull();
		assertThat(this.links.verify(parts[2], 640, other[4])).isNull();
		assertThat(this.links.verify(parts[2], 641, parts[4])).isNull();
		assertThat(this.links.verify("not*base64", 640, parts[4])).isNull();
		ImageLinks otherKey = new ImageLinks("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));
		assertThat(otherKey.verify(parts[2], 640, parts[4])).isNull();
	}

	@Test
	void srcsetListsEveryWidth() {
		String srcset = this.links.srcset(PHOTO);
		assertThat(srcset.split(", ")).hasSize(4);
		assertThat(srcset).startsWith(this.links.src(PHOTO, 320) + " 320w, ")
				.endsWith(this.links.src(PHOTO, 1280) + " 1280w");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = {"  ", "data:image/png;base64,AAAA", "javascript:alert(1)", "/relative/path.jpg",
			"ftp://example.com/a.jpg", "file:///etc/passwd", "http://"})
	void unusableUrlsGiveNoLink(String url) {
		assertThat(this.links.src(url, 640)).isNull();
		assertThat(this.links.srcset(url)).isNull();
	}

	@Test
	void everyNodeSignsWithTheKeyKeptInRedis(StringRedisTemplate redis) {
		redis.delete(WebKeys.imageProxyKey());
		ImageProperties unset = properties("");
		ImageLinks first = new ImageLinks(unset, redis);
		ImageLinks second = new ImageLinks(unset, redis);
		assertThat(redis.opsForValue().get(WebKeys.imageProxyKey())).isNotBlank();
		assertThat(second.src(PHOTO, 640)).isEqualTo(first.src(PHOTO, 640));
		assertThat(first.src(PHOTO, 640)).isNotEqualTo(this.links.src(PHOTO, 640));
	}

	@Test
	void aConfiguredKeyWins(StringRedisTemplate redis) {
		ImageLinks configured = new ImageLinks(properties("0123456789abcdef0123456789abcdef"), redis);
		assertThat(configured.src(PHOTO, 960)).isEqualTo(this.links.src(PHOTO, 960));
	}

	static ImageProperties properties(String key) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource(
				Map.of("newsstand.web.images.key", key));
		return new Binder(source).bindOrCreate("newsstand.web.images", ImageProperties.class);
	}

}
