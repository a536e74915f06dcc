package io.newsstand.aggregator.internal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a catalog YAML file (format in docs/catalog.md) and checks every field,
 * so a bad catalog stops start-up with the file, publisher and field at fault.
 */
public final class CatalogLoader {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

	private static final Set<String> PUBLISHER_FIELDS = Set.of("id", "name", "homepage", "logo", "region", "language",
			"free", "feeds");

	private static final Set<String> FEED_FIELDS = Set.of("url", "section", "min-interval", "max-interval");

	/**
	 * Loads {@code demo}, {@code world}, a {@code classpath:} location or a file
	 * path.
	 */
	public Catalog load(String location) {
		Resource resource = resolve(location);
		if (!resource.exists()) {
			throw new CatalogException(location, null, null,
					"not found (set newsstand.catalog to demo, world, a classpath: location or a file path)");
		}
		try (InputStream in = resource.getInputStream()) {
			return parse(location, in);
		} catch (IOException ex) {
			throw new CatalogException(location, "cannot be read", ex);
		}
	}

	static Resource resolve(String location) {
		return switch (location) {
			case "demo", "world" -> new DefaultResourceLoader().getResource("classpath:catalogs/" + location + ".yml");
			default -> location.startsWith("classpath:")
					? new DefaultResourceLoader().getResource(location)
					: new FileSystemResource(location);
		};
	}

	public Catalog parse(String source, InputStream in) {
		Object root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		} catch (YAMLException ex) {
			throw new CatalogException(source, "is not valid YAML: " + ex.getMessage(), ex);
		}
		if (!(root instanceof Map<?, ?> top) || !(top.get("publishers") instanceof List<?> entries)) {
			throw new CatalogException(source, null, "publishers", "missing: the file must hold a publishers list");
		}
		List<CatalogPublisher> publishers = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		Set<String> feedIds = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			if (!(entries.get(i) instanceof Map<?, ?> entry)) {
				throw new CatalogException(source, "#" + (i + 1), null, "is not a mapping");
			}
			CatalogPublisher publisher = publisher(source, i, entry);
			if (!ids.add(publisher.id())) {
				throw new CatalogException(source, publisher.id(), "id", "duplicate publisher id");
			}
			for (CatalogFeed feed : publisher.feeds()) {
				if (!feedIds.add(feed.id())) {
					throw new CatalogException(source, publisher.id(), "feeds.url", "duplicate feed " + feed.url());
				}
			}
			publishers.add(publisher);
		}
		if (publishers.isEmpty()) {
			throw new CatalogException(source, null, "publishers", "is empty");
		}
		return new Catalog(source, publishers);
	}

	private CatalogPublisher publisher(String source, int index, Map<?, ?> entry) {
		String rawId = text(entry.get("id"));
		String who = rawId == null ? "#" + (index + 1) : rawId;
		for (Object key : entry.keySet()) {
			if (!PUBLISHER_FIELDS.contains(String.valueOf(key))) {
				throw new CatalogException(source, who, String.valueOf(key), "unknown field (known: "
						+ String.join(", ", PUBLISHER_FIELDS.stream().sorted().toList()) + ")");
			}
		}
		if (rawId == null || !ID.matcher(rawId).matches()) {
			throw new CatalogException(source, who, "id", "required: lower-case letters, digits and dashes");
		}
		String name = required(source, who, entry, "name");
		String homepage = url(source, who, "homepage", required(source, who, entry, "homepage"), false);
		String logo = text(entry.get("logo"));
		if (logo != null) {
			url(source, who, "logo", logo, true);
		}
		String region = required(source, who, entry, "region").toUpperCase(Locale.ROOT);
		if (!REGION.matcher(region).matches()) {
			throw new CatalogException(source, who, "region", "must be a two-letter edition code such as AU, UK, US");
		}
		String language = required(source, who, entry, "language");
		if (Locale.forLanguageTag(language).getLanguage().isEmpty()) {
			throw new CatalogException(source, who, "language", "not a BCP 47 language tag: " + language);
		}
		Object free = entry.get("free");
		if (free != null && !(free instanceof Boolean)) {
			throw new CatalogException(source, who, "free", "must be true or false");
		}
		if (!(entry.get("feeds") instanceof List<?> feedEntries) || feedEntries.isEmpty()) {
			throw new CatalogException(source, who, "feeds", "required: a list of at least one feed");
		}
		List<CatalogFeed> feeds = new ArrayList<>();
		for (Object feedEntry : feedEntries) {
			if (!(feedEntry instanceof Map<?, ?> feed)) {
				throw new CatalogException(source, who, "feeds", "each feed must be a mapping with a url");
			}
			feeds.add(feed(source, rawId, feed));
		}
		return new CatalogPublisher(rawId, name, homepage, logo, region, language, Boolean.TRUE.equals(free), feeds);
	}

	private CatalogFeed feed(String source, String publisherId, Map<?, ?> entry) {
		for (Object key : entry.keySet()) {
			if (!FEED_FIELDS.contains(String.valueOf(key))) {
				throw new CatalogException(source, publisherId, "feeds." + key,
						"unknown field (known: " + String.join(", ", FEED_FIELDS.stream().sorted().toList()) + ")");
			}
		}
		String url = required(source, publisherId, entry, "url");
		if (!url.startsWith(CatalogFeed.SELF + "/")) {
			url(source, publisherId, "feeds.url", url, false);
		}
		Duration min = duration(source, publisherId, entry, "min-interval");
		Duration max = duration(source, publisherId, entry, "max-interval");
		if (min != null && max != null && min.compareTo(max) > 0) {
			throw new CatalogException(source, publisherId, "feeds.min-interval", "is longer than max-interval");
		}
		return new CatalogFeed(CatalogFeed.idFor(publisherId, url), publisherId, url, text(entry.get("section")), min,
				max);
	}

	private static @Nullable Duration duration(String source, String who, Map<?, ?> entry, String field) {
		String value = text(entry.get(field));
		if (value == null) {
			return null;
		}
		try {
			Duration duration = DurationStyle.detectAndParse(value);
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("not positive");
			}
			return duration;
		} catch (IllegalArgumentException ex) {
			throw new CatalogException(source, who, "feeds." + field, "not a duration such as 10m or 2h: " + value);
		}
	}

	private static String required(String source, String who, Map<?, ?> entry, String field) {
		String value = text(entry.get(field));
		if (value == null) {
			throw new CatalogException(source, who, field, "required");
		}
		return value;
	}

	private static String url(String source, String who, String field, String value, boolean allowRelative) {
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme();
			if (scheme == null && allowRelative) {
				return value;
			}
			if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
				throw new CatalogException(source, who, field, "must be an absolute http(s) URL: " + value);
			}
			return value;
		} catch (URISyntaxException ex) {
			throw new CatalogException(source, who, field, "not a URL: " + value);
		}
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).strip();
		return text.isEmpty() ? null : text;
	}

}
