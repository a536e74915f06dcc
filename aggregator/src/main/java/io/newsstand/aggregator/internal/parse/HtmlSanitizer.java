package io.newsstand.aggregator.internal.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
		// One walk over the cleaned tree (rather than a selector query per tag).
		List<Element> removed = new ArrayList<>();
		for (Element element : clean.body().getAllElements()) {
			switch (element.normalName()) {
				case "iframe" -> {
					if (!allowedVideo(element.attr("src"))) {
						removed.add(element);
					} else {
						element.attr("loading", "lazy");
						element.attr("sandbox", "allow-scripts allow-same-origin allow-presentation");
					}
				}
				case "img" -> {
					if (element.attr("src").isEmpty()) {
						removed.add(element);
					} else {
						element.attr("loading", "lazy");
						if (element.hasAttr("srcset")
								&& element.attr("srcset").toLowerCase(Locale.ROOT).contains("javascript:")) {
							element.removeAttr("srcset");
						}
					}
				}
				case "a" -> {
					if (element.hasAttr("href")) {
						element.attr("rel", "nofollow noopener noreferrer");
					}
				}
				default -> {
				}
			}
		}
		removed.forEach(Element::remove);
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
