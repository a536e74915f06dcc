package io.newsstand.aggregator.internal.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Canonical article URLs: absolute http(s), lower-case scheme and host, no
 * fragment, no tracking parameters.
 */
final class Urls {

	private Urls() {
	}

	static boolean isTracking(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.startsWith("utm_") || switch (lower) {
			case "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid",
					"_hsenc", "_hsmi", "mkt_tok", "cmpid", "ito", "ns_mchannel", "ns_source", "ns_campaign",
					"ns_linkname", "ns_fee", "at_medium", "at_campaign", "ocid", "smid", "sr_share", "wt_mc",
					"wt_zmc" ->
				true;
			default -> false;
		};
	}

	/**
	 * {@code relative} resolved against {@code base} (RFC 3986), or
	 * {@code relative} itself when either cannot be read as a URI.
	 */
	static String resolve(String base, String relative) {
		try {
			return new URI(base.strip().replace(" ", "%20")).resolve(new URI(relative.strip().replace(" ", "%20")))
					.toString();
		} catch (URISyntaxException | IllegalArgumentException ex) {
			return relative;
		}
	}

	/** Whether a URL is http(s), or relative (no scheme at all). */
	static boolean isHttpOrRelative(String url) {
		try {
			String scheme = new URI(url.strip().replace(" ", "%20")).getScheme();
			return scheme == null || scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
		} catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * @return the canonical form of {@code link} resolved against {@code base}, or
	 *         {@code null} when it is no usable http(s) URL
	 */
	public static @Nullable String canonical(@Nullable String link, @Nullable String base) {
		if (link == null || link.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(link.strip().replace(" ", "%20"));
			if (!uri.isAbsolute() && base != null) {
				uri = new URI(base.strip()).resolve(uri);
			}
			String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null) {
				return null;
			}
			String query = uri.getRawQuery();
			StringJoiner kept = new StringJoiner("&");
			if (query != null) {
				for (String pair : query.split("&")) {
					String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
					if (!pair.isEmpty() && !isTracking(name)) {
						kept.add(pair);
					}
				}
			}
			String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
			StringBuilder out = new StringBuilder(scheme).append("://")
					.append(uri.getRawAuthority().toLowerCase(Locale.ROOT)).append(path);
			if (kept.length() > 0) {
				out.append('?').append(kept);
			}
			return out.toString();
		} catch (URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

}
