package io.newsstand.aggregator.internal.demo;

import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogPublisher;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Entities;

/**
 * The demo publishers' logos: a wordmark in the publisher's colour, a monogram
 * block beside the name in the publisher's own typeface family, as SVG. Drawn
 * from the catalog, so a publisher added to the demo catalog gets one too.
 */
final class DemoLogos {

	/** House colours; a publisher not listed gets one from its id. */
	private static final Map<String, String> COLOURS = Map.of("harbour-gazette", "#0b5394", "southern-ledger",
			"#b45f06", "thames-courier", "#741b47", "pennine-post", "#38761d", "capital-chronicle", "#990000",
			"prairie-science-review", "#134f5c");

	private static final Map<String, String> FAMILIES = Map.of("harbour-gazette", "Georgia, 'Times New Roman', serif",
			"thames-courier", "Georgia, 'Times New Roman', serif", "capital-chronicle",
			"'Times New Roman', Georgia, serif");

	private final Catalog demo;

	DemoLogos(Catalog demo) {
		this.demo = demo;
	}

	/** The SVG of one demo publisher's logo, or empty for anyone else. */
	Optional<String> svg(String publisherId) {
		return this.demo.publisher(publisherId).map(DemoLogos::draw);
	}

	static String colour(String publisherId) {
		String colour = COLOURS.get(publisherId);
		return colour != null ? colour : "hsl(" + Math.floorMod(publisherId.hashCode(), 360) + ",60%,32%)";
	}

	private static String draw(CatalogPublisher publisher) {
		String name = publisher.name().replace("(sample)", "").strip();
		String bare = name.startsWith("The ") ? name.substring(4) : name;
		StringBuilder initials = new StringBuilder();
		for (String word : bare.split("\\s+")) {
			if (!word.isEmpty() && initials.length() < 2) {
				initials.append(Character.toUpperCase(word.charAt(0)));
			}
		}
		String colour = colour(publisher.id());
		String family = FAMILIES.getOrDefault(publisher.id(), "'Helvetica Neue', Arial, sans-serif");
		// About 0.58 em per character of a 26 px face: the wordmark's width.
		int width = 64 + (int) Math.ceil(name.length() * 26 * 0.58) + 8;
		return """
				<svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="48" viewBox="0 0 %1$d 48" role="img" aria-label="%2$s">
				<title>%2$s</title>
				<rect x="0" y="0" width="48" height="48" rx="8" fill="%3$s"/>
				<text x="24" y="32" font-family="%4$s" font-size="22" font-weight="700" fill="#ffffff" text-anchor="middle">%5$s</text>
				<text x="60" y="33" font-family="%4$s" font-size="26" font-weight="700" fill="%3$s">%2$s</text>
				</svg>
				"""
				.formatted(width, esc(name), colour, esc(family), esc(initials.toString()));
	}

	private static String esc(String text) {
		return Entities.escape(text);
	}

}
