package io.newsstand.aggregator;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The video players an article may embed: the sanitiser keeps an
 * {@code <iframe>} only from these hosts (over HTTPS), and the site's content
 * security policy lets only these be framed. One list, so the two cannot
 * disagree (a kept embed the policy blocks is an empty box on the page).
 */
public final class VideoHosts {

	/** Hosts of the players, in lower case. */
	public static final Set<String> ALL = Set.of("www.youtube.com", "youtube.com", "www.youtube-nocookie.com",
			"player.vimeo.com", "www.dailymotion.com", "embed.ted.com");

	private VideoHosts() {
	}

	/** Whether {@code src} is an HTTPS address on one of the players. */
	public static boolean allows(String src) {
		try {
			URI uri = URI.create(src);
			return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
					&& ALL.contains(uri.getHost().toLowerCase(Locale.ROOT));
		} catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
