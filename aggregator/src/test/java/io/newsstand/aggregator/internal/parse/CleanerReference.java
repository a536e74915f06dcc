package io.newsstand.aggregator.internal.parse;

import io.newsstand.aggregator.VideoHosts;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jspecify.annotations.Nullable;

/**
 * The sanitiser as it was before it cleaned in place: jsoup's {@link Cleaner}
 * over the same safelist, then the same rules for iframes, images and links.
 * Tests compare {@link HtmlSanitizer} with it.
 */
final class CleanerReference {

	private final Cleaner cleaner = new Cleaner(HtmlSanitizer.SAFELIST);

	/**
	 * An iframe keeps no children: what the parser put in it is parsed again and
	 * placed after it, as {@link HtmlSanitizer} does.
	 */
	private static void liftIframeContent(Document dirty, String base) {
		boolean lifted = true;
		while (lifted) {
			lifted = false;
			for (Element iframe : dirty.body().getElementsByTag("iframe")) {
				if (iframe.childNodeSize() == 0) {
					continue;
				}
				StringBuilder raw = new StringBuilder();
				for (Node child : iframe.childNodes()) {
					if (child instanceof DataNode data) {
						raw.append(data.getWholeData());
					} else if (child instanceof TextNode text) {
						raw.append(text.getWholeText());
					}
				}
				iframe.empty();
				if (!raw.toString().isBlank()) {
					iframe.parent().insertChildren(iframe.siblingIndex() + 1,
							new ArrayList<>(Jsoup.parseBodyFragment(raw.toString(), base).body().childNodes()));
				}
				lifted = true;
				break;
			}
		}
	}

	String sanitize(String html, @Nullable String base) {
		Document dirty = Jsoup.parseBodyFragment(html, base == null ? "" : base);
		liftIframeContent(dirty, base == null ? "" : base);
		Document clean = this.cleaner.clean(dirty);
		clean.outputSettings().prettyPrint(false);
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
		return clean.body().html();
	}

	private static boolean allowedVideo(String src) {
		try {
			URI uri = URI.create(src);
			return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
					&& VideoHosts.ALL.contains(uri.getHost().toLowerCase(Locale.ROOT));
		} catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
