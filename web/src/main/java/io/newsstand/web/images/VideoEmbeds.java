package io.newsstand.web.images;

import io.newsstand.aggregator.VideoHosts;
import java.net.URI;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * An embedded video becomes a play button until the reader asks for it: an
 * {@code <iframe>} on the page would have the reader's browser call the video
 * host (and its trackers) on every article view, telling it who reads what. The
 * button names the host and links to the video there; {@code videos.js} swaps
 * in the player on a click, through YouTube's no-cookie host where the video is
 * YouTube's. The site's policy frames only {@link VideoHosts}.
 */
final class VideoEmbeds {

	private VideoEmbeds() {
	}

	/**
	 * Replaces {@code iframe} with its play button, or removes it when its address
	 * is no video player's.
	 */
	static void facade(Element iframe) {
		String player = player(iframe.attr("src"));
		if (player == null) {
			iframe.remove();
			return;
		}
		String host = URI.create(player).getHost().replaceFirst("^(www|player|embed)\\.", "")
				.replace("youtube-nocookie.com", "youtube.com");
		String title = iframe.attr("title").isBlank() ? "Video" : iframe.attr("title");
		Element figure = new Element("figure").addClass("video-embed");
		figure.appendElement("a").addClass("video-play").attr("href", player).attr("data-embed", player)
				.attr("data-title", title).attr("target", "_blank").attr("rel", "noopener noreferrer")
				.text("Play video from " + host + ": " + title);
		iframe.replaceWith(figure);
	}

	/**
	 * The player's address, on YouTube's no-cookie host for a YouTube video; null
	 * for anything else.
	 */
	static @Nullable String player(String src) {
		if (!VideoHosts.allows(src)) {
			return null;
		}
		URI uri = URI.create(src);
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (host.equals("youtube.com") || host.equals("www.youtube.com")) {
			return "https://www.youtube-nocookie.com" + uri.getRawPath()
					+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}
		return uri.toString();
	}

}
