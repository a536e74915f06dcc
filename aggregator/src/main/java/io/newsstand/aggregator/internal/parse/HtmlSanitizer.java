package io.newsstand.aggregator.internal.parse;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * Cleans untrusted article HTML with an allow-list: text structure, links,
 * images, tables, figures, and iframes only from known video hosts. No script,
 * style, forms, event handlers or {@code javascript:}/{@code data:} URLs.
 * Relative URLs are resolved against the item's base (or dropped when there is
 * none); links get {@code rel="nofollow noopener noreferrer"}, images and
 * iframes {@code loading="lazy"}.
 */
public final class HtmlSanitizer {

	static final Set<String> VIDEO_HOSTS = Set.of("www.youtube.com", "youtube.com", "www.youtube-nocookie.com",
			"player.vimeo.com", "www.dailymotion.com", "embed.ted.com");

	private static final Safelist SAFELIST = Safelist.relaxed()
			.addTags("figure", "figcaption", "picture", "hr", "abbr", "time", "mark", "s", "del", "ins", "iframe")
			.addAttributes("abbr", "title").addAttributes("time", "datetime")
			.addAttributes("iframe", "src", "width", "height", "title", "allowfullscreen")
			.addProtocols("iframe", "src", "https").addAttributes("img", "srcset").removeProtocols("a", "href", "ftp");

	private final Cleaner cleaner = new Cleaner(SAFELIST);

	/** Sanitises an HTML fragment; relative URLs resolve against {@code base}. */
	public Document clean(String html, @Nullable String base) {
		Document dirty = Jsoup.parseBodyFragment(html, base == null ? "" : base);
		Document clean = this.cleaner.clean(dirty);
		clean.outputSettings().prettyPrint(false);
		for (Element iframe : clean.select("iframe")) {
			if (!allowedVideo(iframe.attr("src"))) {
				iframe.remove();
			} else {
				iframe.attr("loading", "lazy");
				iframe.attr("sandbox", "allow-scripts allow-same-origin allow-presentation");
			}
		}
		for (Element image : clean.select("img")) {
			if (image.attr("src").isEmpty()) {
				image.remove();
			} else {
				image.attr("loading", "lazy");
				if (image.hasAttr("srcset") && image.attr("srcset").toLowerCase(Locale.ROOT).contains("javascript:")) {
					image.removeAttr("srcset");
				}
			}
		}
		for (Element link : clean.select("a")) {
			if (link.hasAttr("href")) {
				link.attr("rel", "nofollow noopener noreferrer");
			}
		}
		return clean;
	}

	/** The sanitised HTML of a fragment. */
	public String sanitize(String html, @Nullable String base) {
		return clean(html, base).body().html();
	}

	private static boolean allowedVideo(String src) {
		try {
			URI uri = URI.create(src);
			return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
					&& VIDEO_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
		} catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
