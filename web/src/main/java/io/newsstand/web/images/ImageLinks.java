package io.newsstand.web.images;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsstand.web.redis.WebKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Signed same-origin links to publishers' images, for templates:
 * {@code /img/<signature>/<width>/<base64url(url)>}, where the signature is
 * HMAC-SHA256 over width and URL with a key every node shares. Readers'
 * browsers then never fetch a publisher's server, and the proxy behind the
 * links resizes only what this app signed (no open proxy). The demo's own
 * images go through the same path: one way in, resized and cached alike.
 */
@Component
public class ImageLinks {

	/** The widths the proxy makes, in pixels. */
	public static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280);

	static final String PREFIX = "/img/";

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	/**
	 * Signed paths by the picture's address, at every width. A page shows tens of
	 * pictures (cards, their {@code srcset}s, body pictures), each at four widths;
	 * the same stories appear on every page for minutes, so a picture's address is
	 * checked and signed once instead of once per view (see performance.md).
	 */
	private final Cache<String, Signed> signed = Caffeine.newBuilder().maximumSize(10_000).build();

	/**
	 * A picture's signed paths by {@link #WIDTHS}, or none for an unusable address.
	 */
	private record Signed(@Nullable List<String> paths, @Nullable String srcset) {

		static final Signed NONE = new Signed(null, null);

	}

	@Autowired
	ImageLinks(ImageProperties properties, StringRedisTemplate redis) {
		this(keyBytes(properties, redis));
	}

	ImageLinks(byte[] key) {
		if (key.length < 16) {
			throw new IllegalArgumentException("newsstand.web.images.key must have at least 16 bytes");
		}
		this.key = new SecretKeySpec(key, "HmacSHA256");
	}

	/**
	 * @param imageUrl
	 *            the original, absolute http(s) URL
	 * @param width
	 *            wanted width; rounded up to the next of {@link #WIDTHS} (the
	 *            largest at most)
	 * @return the signed {@code /img/...} path, or {@code null} when there is no
	 *         usable URL
	 */
	public @Nullable String src(@Nullable String imageUrl, int width) {
		List<String> paths = signed(imageUrl).paths();
		return (paths != null) ? paths.get(WIDTHS.indexOf(widthFor(width))) : null;
	}

	/**
	 * @return {@code "path 320w, path 640w, ..."} over {@link #WIDTHS}, or
	 *         {@code null} when there is no usable URL
	 */
	public @Nullable String srcset(@Nullable String imageUrl) {
		return signed(imageUrl).srcset();
	}

	private Signed signed(@Nullable String imageUrl) {
		return (imageUrl == null) ? Signed.NONE : this.signed.get(imageUrl, this::sign);
	}

	private Signed sign(String imageUrl) {
		String url = usable(imageUrl);
		if (url == null) {
			return Signed.NONE;
		}
		List<String> paths = WIDTHS.stream().map(width -> sign(url, width)).toList();
		StringJoiner srcset = new StringJoiner(", ");
		for (int i = 0; i < WIDTHS.size(); i++) {
			srcset.add(paths.get(i) + " " + WIDTHS.get(i) + "w");
		}
		return new Signed(paths, srcset.toString());
	}

	/** The smallest of {@link #WIDTHS} at least as wide, or the largest. */
	static int widthFor(int width) {
		for (int candidate : WIDTHS) {
			if (candidate >= width) {
				return candidate;
			}
		}
		return WIDTHS.getLast();
	}

	/**
	 * Checks a link's parts in constant time.
	 *
	 * @return the original URL when the signature matches width and URL, else
	 *         {@code null}
	 */
	@Nullable
	String verify(String signature, int width, String encodedUrl) {
		if (!WIDTHS.contains(width)) {
			return null;
		}
		String url;
		byte[] given;
		try {
			url = new String(DECODE.decode(encodedUrl), StandardCharsets.UTF_8);
			given = DECODE.decode(signature);
		} catch (IllegalArgumentException ex) {
			return null;
		}
		return MessageDigest.isEqual(given, mac(url, width)) ? url : null;
	}

	private String sign(String url, int width) {
		return PREFIX + BASE64.encodeToString(mac(url, width)) + "/" + width + "/"
				+ BASE64.encodeToString(url.getBytes(StandardCharsets.UTF_8));
	}

	private byte[] mac(String url, int width) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			// Width first and a separator no URL starts with: ("1", "2x") and ("12",
			// "x") sign differently.
			return mac.doFinal((width + "\n" + url).getBytes(StandardCharsets.UTF_8));
		} catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("Every JDK has HmacSHA256", ex);
		}
	}

	private static @Nullable String usable(@Nullable String imageUrl) {
		if (imageUrl == null || imageUrl.isBlank()) {
			return null;
		}
		String url = imageUrl.strip();
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				return null;
			}
		} catch (URISyntaxException ex) {
			return null;
		}
		return url;
	}

	private static byte[] keyBytes(ImageProperties properties, StringRedisTemplate redis) {
		if (!properties.key().isBlank()) {
			return properties.key().getBytes(StandardCharsets.UTF_8);
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		// SET NX: the first node to start makes the key, every other node (and every
		// restart) reads it, so links stay valid across nodes and restarts.
		redis.opsForValue().setIfAbsent(WebKeys.imageProxyKey(), BASE64.encodeToString(fresh));
		String stored = redis.opsForValue().get(WebKeys.imageProxyKey());
		if (stored == null) {
			throw new IllegalStateException("Redis lost " + WebKeys.imageProxyKey() + " right after writing it");
		}
		return DECODE.decode(stored);
	}

}
