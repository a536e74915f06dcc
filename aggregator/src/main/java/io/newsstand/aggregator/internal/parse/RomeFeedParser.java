package io.newsstand.aggregator.internal.parse;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.DateParser;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;

/**
 * The one class that knows Rome: parses cleaned XML text (see {@link FeedText})
 * and turns Rome's types into {@link ParsedFeed}. Rome's own healer is off
 * (FeedText heals faster), and DOCTYPEs stay refused (FeedText removes them).
 * <p>
 * We build the XML tree Rome parses ourselves (with Rome's parser settings), so
 * that two things happen before Rome sees it. The item dates of RSS 2.0 and
 * Atom 1.0 are taken out and parsed here: Rome's date parser tries some twenty
 * {@code SimpleDateFormat}s, each compiled anew, per date, which was a third of
 * Rome's time; the usual RFC 1123 and ISO 8601 forms are parsed with
 * {@code java.time} and anything else still by Rome's parser, and the dates are
 * put back into Rome's model where Rome's parser would have put them. And the
 * {@code xml:base} in scope of each item's content is read, which Rome applies
 * to links but not to content.
 */
final class RomeFeedParser {

	private static final Locale LOCALE = Locale.US;

	private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");

	private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

	private static final Namespace CONTENT = Namespace.getNamespace("http://purl.org/rss/1.0/modules/content/");

	ParseOutcome parse(String cleanXml) {
		Document document;
		try {
			document = SAX_BUILDERS.get().build(new StringReader(cleanXml));
		} catch (JDOMException ex) {
			return new ParseOutcome.Malformed("Invalid XML: " + reason(ex));
		} catch (IOException ex) {
			return new ParseOutcome.Malformed("Invalid XML: " + ex);
		}
		Prepared prepared = prepare(document);
		SyndFeed feed;
		try {
			WireFeed wire = new WireFeedInput(false, LOCALE).build(document);
			if (!prepared.apply(wire)) {
				// Not the shape prepare() expected: let Rome parse everything itself.
				return parseWithRomeAlone(cleanXml);
			}
			feed = new SyndFeedImpl(wire, true);
		} catch (FeedException | IllegalArgumentException ex) {
			return new ParseOutcome.Malformed(reason(ex));
		} catch (RuntimeException ex) {
			// Rome's parsers can fail with NPEs and index errors on odd input.
			return new ParseOutcome.Malformed("feed parser failed: " + ex);
		}
		return outcome(feed, prepared.bases());
	}

	/**
	 * Rome doing everything itself (dates included, no xml:base): the fallback, and
	 * what the corpus test compares {@link #parse} with.
	 */
	static ParseOutcome parseWithRomeAlone(String cleanXml) {
		SyndFeedInput input = new SyndFeedInput(false, LOCALE);
		input.setXmlHealerOn(false);
		input.setAllowDoctypes(false);
		input.setPreserveWireFeed(true);
		try {
			return outcome(input.build(new StringReader(cleanXml)), List.of());
		} catch (FeedException | IllegalArgumentException ex) {
			return new ParseOutcome.Malformed(reason(ex));
		} catch (RuntimeException ex) {
			return new ParseOutcome.Malformed("feed parser failed: " + ex);
		}
	}

	/**
	 * One builder per thread, kept: a builder is not thread-safe, and creating and
	 * configuring its XML parser cost more than parsing a small document.
	 */
	private static final ThreadLocal<SAXBuilder> SAX_BUILDERS = ThreadLocal.withInitial(RomeFeedParser::saxBuilder);

	/** The settings of Rome's own {@code WireFeedInput}: no DTD, no entities. */
	private static SAXBuilder saxBuilder() {
		SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
		builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
		builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
		builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		builder.setExpandEntities(false);
		builder.setReuseParser(true);
		return builder;
	}

	private static ParseOutcome outcome(SyndFeed feed, List<@Nullable String> bases) {
		List<ParsedItem> items = new ArrayList<>();
		List<SyndEntry> entries = feed.getEntries();
		// The bases were read in document order; Rome keeps that order.
		boolean based = bases.size() == entries.size();
		for (int i = 0; i < entries.size(); i++) {
			items.add(item(entries.get(i), based ? bases.get(i) : null));
		}
		return new ParseOutcome.Parsed(new ParsedFeed(Objects.requireNonNullElse(feed.getFeedType(), "xml"),
				blankToNull(feed.getTitle()), blankToNull(feed.getLink()), blankToNull(feed.getLanguage()),
				ttl(feed.originalWireFeed()), items));
	}

	/**
	 * Plain Rome as its README shows it ({@code SyndFeedInput} over
	 * {@code XmlReader}, Rome's own charset handling and healer): the baseline of
	 * the corpus test and the benchmarks. Not used for polling.
	 *
	 * @return the number of entries, or -1 when Rome cannot parse the bytes
	 */
	static int plainRome(byte[] body) {
		try (com.rometools.rome.io.XmlReader reader = new com.rometools.rome.io.XmlReader(
				new java.io.ByteArrayInputStream(body))) {
			return new SyndFeedInput().build(reader).getEntries().size();
		} catch (FeedException | java.io.IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static String reason(Exception ex) {
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		Throwable cause = ex.getCause();
		if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
			message = message + ": " + cause.getMessage();
		}
		return message.length() > 300 ? message.substring(0, 300) : message;
	}

	private static @Nullable Duration ttl(@Nullable WireFeed wire) {
		if (wire instanceof Channel channel && channel.getTtl() > 0) {
			return Duration.ofMinutes(channel.getTtl());
		}
		return null;
	}

	/**
	 * What was taken out of the tree before Rome parsed it, per item in document
	 * order, and each item's {@code xml:base}.
	 */
	private record Prepared(String format, @Nullable Date feedPublished, @Nullable Date feedUpdated,
			List<ItemDates> items, List<@Nullable String> bases) {

		/** @return false when Rome's model does not have the items prepared */
		boolean apply(WireFeed wire) {
			switch (this.format) {
				case "rss" -> {
					if (!(wire instanceof Channel channel) || channel.getItems().size() != this.items.size()) {
						return false;
					}
					channel.setPubDate(this.feedPublished);
					channel.setLastBuildDate(this.feedUpdated);
					for (int i = 0; i < this.items.size(); i++) {
						Item item = channel.getItems().get(i);
						ItemDates dates = this.items.get(i);
						if (dates.published() != null) {
							item.setPubDate(dates.published());
						}
						dates.addDcDates(item.getModules());
					}
				}
				case "atom" -> {
					if (!(wire instanceof Feed atom) || atom.getEntries().size() != this.items.size()) {
						return false;
					}
					atom.setUpdated(this.feedUpdated);
					for (int i = 0; i < this.items.size(); i++) {
						Entry entry = atom.getEntries().get(i);
						ItemDates dates = this.items.get(i);
						entry.setPublished(dates.published());
						entry.setUpdated(dates.updated());
						dates.addDcDates(entry.getModules());
					}
				}
				default -> {
					// Nothing was taken out.
				}
			}
			return true;
		}

	}

	private record ItemDates(@Nullable Date published, @Nullable Date updated, @Nullable List<@Nullable Date> dc) {

		/** Where Rome's Dublin Core parser puts dc:date. */
		void addDcDates(List<Module> modules) {
			if (this.dc == null) {
				return;
			}
			DCModule module = null;
			for (Module candidate : modules) {
				if (candidate instanceof DCModule existing && DCModule.URI.equals(candidate.getUri())) {
					module = existing;
				}
			}
			if (module == null) {
				module = new DCModuleImpl();
				modules.add(module);
			}
			module.setDates(this.dc);
		}

	}

	/**
	 * Takes the dates out of RSS 2.0 and Atom 1.0 items (see the class comment) and
	 * reads each item's xml:base, for RSS, RDF and Atom of every version.
	 */
	private static Prepared prepare(Document document) {
		Element root = document.getRootElement();
		Namespace namespace = root.getNamespace();
		List<ItemDates> dates = new ArrayList<>();
		List<@Nullable String> bases = new ArrayList<>();
		switch (root.getName()) {
			case "rss" -> {
				Element channel = root.getChild("channel", namespace);
				if (channel == null) {
					break;
				}
				boolean rss20 = namespace == Namespace.NO_NAMESPACE && "2.0".equals(root.getAttributeValue("version"));
				Date published = rss20 ? takeDate(channel, "pubDate", namespace) : null;
				Date updated = rss20 ? takeDate(channel, "lastBuildDate", namespace) : null;
				for (Element item : channel.getChildren("item", namespace)) {
					if (rss20) {
						dates.add(new ItemDates(takeDate(item, "pubDate", namespace), null, takeDcDates(item)));
					}
					bases.add(rssBase(item));
				}
				return new Prepared(rss20 ? "rss" : "", published, updated, dates, bases);
			}
			case "RDF" -> {
				for (Element child : root.getChildren()) {
					if (child.getName().equals("item")) {
						bases.add(rssBase(child));
					}
				}
			}
			case "feed" -> {
				boolean atom10 = namespace.equals(ATOM);
				Date updated = atom10 ? takeDate(root, "updated", ATOM) : null;
				for (Element entry : root.getChildren("entry", namespace)) {
					if (atom10) {
						dates.add(new ItemDates(takeDate(entry, "published", ATOM), takeDate(entry, "updated", ATOM),
								takeDcDates(entry)));
					}
					Element content = entry.getChild("content", namespace);
					bases.add(xmlBase(content != null ? content : entry.getChild("summary", namespace)));
				}
				return new Prepared(atom10 ? "atom" : "", null, updated, dates, bases);
			}
			default -> {
			}
		}
		return new Prepared("", null, null, List.of(), bases);
	}

	private static @Nullable String rssBase(Element item) {
		Element content = item.getChild("encoded", CONTENT);
		return xmlBase(content != null ? content : item.getChild("description", item.getNamespace()));
	}

	private static @Nullable Date takeDate(Element parent, String name, Namespace namespace) {
		Element element = parent.getChild(name, namespace);
		if (element == null) {
			return null;
		}
		element.detach();
		return date(element.getText());
	}

	private static @Nullable List<@Nullable Date> takeDcDates(Element parent) {
		List<Element> elements = parent.getChildren("date", DC);
		if (elements.isEmpty()) {
			return null;
		}
		List<@Nullable Date> dates = new ArrayList<>(elements.size());
		for (Element element : List.copyOf(elements)) {
			dates.add(date(element.getText()));
			element.detach();
		}
		return dates;
	}

	/**
	 * The xml:base in scope of an element: every xml:base from the root down, each
	 * resolved against the one outside it. May be relative (to the feed's URL).
	 */
	static @Nullable String xmlBase(@Nullable Element element) {
		List<String> bases = new ArrayList<>();
		for (Element current = element; current != null; current = current.getParentElement()) {
			String base = current.getAttributeValue("base", Namespace.XML_NAMESPACE);
			if (base != null && !base.isBlank()) {
				bases.add(base.strip());
			}
		}
		String resolved = null;
		for (int i = bases.size() - 1; i >= 0; i--) {
			String next = resolved == null ? bases.get(i) : Urls.resolve(resolved, bases.get(i));
			// A base of another scheme (javascript:, data:) is ignored, as feedparser does.
			if (Urls.isHttpOrRelative(next)) {
				resolved = next;
			}
		}
		return resolved;
	}

	/**
	 * A feed date as Rome reads it: RFC 1123 ({@code Tue, 03 Jun 2025 09:30:00
	 * GMT}) and ISO 8601 with seconds ({@code 2025-06-03T09:30:00Z}, optionally
	 * with milliseconds) through {@code java.time}, which give the instant Rome's
	 * masks give; anything else through Rome's own date parser.
	 */
	static @Nullable Date date(String text) {
		String value = text.strip();
		try {
			if (isIsoWithSeconds(value)) {
				return Date.from(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
			}
			if (value.length() > 25 && value.charAt(3) == ',' && hasFourDigitYear(value)
					&& (value.endsWith(" GMT") || isNumericOffset(value))) {
				return Date.from(OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			}
		} catch (DateTimeParseException ex) {
			// Rome's lenient masks decide.
		}
		return romeDate(text);
	}

	/** Rome's own date parser, as Rome's feed parsers call it. */
	static @Nullable Date romeDate(String text) {
		return DateParser.parseDate(text, LOCALE);
	}

	/** {@code yyyy-MM-ddTHH:mm:ss[.SSS](Z|+hh:mm|-hh:mm)}, nothing else. */
	private static boolean isIsoWithSeconds(String value) {
		int length = value.length();
		if (length < 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
				|| value.charAt(13) != ':' || value.charAt(16) != ':') {
			return false;
		}
		int zone = 19;
		if (value.charAt(19) == '.') {
			zone = 23;
			if (length < 24 || !digits(value, 20, 23)) {
				return false;
			}
		}
		if (!digits(value, 0, 4) || !digits(value, 5, 7) || !digits(value, 8, 10) || !digits(value, 11, 13)
				|| !digits(value, 14, 16) || !digits(value, 17, 19) || !gregorian(value, 0)) {
			return false;
		}
		if (length == zone + 1) {
			return value.charAt(zone) == 'Z';
		}
		return length == zone + 6 && (value.charAt(zone) == '+' || value.charAt(zone) == '-')
				&& value.charAt(zone + 3) == ':' && digits(value, zone + 1, zone + 3)
				&& digits(value, zone + 4, zone + 6);
	}

	/**
	 * {@code EEE, d MMM yyyy ...}: java.time would read a two-digit year as year
	 * 25.
	 */
	private static boolean hasFourDigitYear(String value) {
		int month = value.indexOf(' ', 5);
		int year = month < 0 ? -1 : value.indexOf(' ', month + 1);
		return year > 0 && year + 5 < value.length() && value.charAt(year + 5) == ' '
				&& digits(value, year + 1, year + 5) && gregorian(value, year + 1);
	}

	/**
	 * A four-digit year from 1600 on: before the Gregorian reform Rome's
	 * {@code SimpleDateFormat} counts in the Julian calendar, java.time does not
	 * (feeds with placeholder dates such as 0001-01-01 exist).
	 */
	private static boolean gregorian(String value, int year) {
		return Integer.parseInt(value, year, year + 4, 10) >= 1600;
	}

	private static boolean isNumericOffset(String value) {
		int sign = value.length() - 5;
		return (value.charAt(sign) == '+' || value.charAt(sign) == '-') && value.charAt(sign - 1) == ' '
				&& digits(value, sign + 1, value.length());
	}

	private static boolean digits(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static ParsedItem item(SyndEntry entry, @Nullable String base) {
		String summary = entry.getDescription() == null ? null : blankToNull(entry.getDescription().getValue());
		String content = entry.getContents().stream().map(SyndContent::getValue).filter(Objects::nonNull)
				.filter(value -> !value.isBlank()).findFirst().orElse(null);
		String author = entry.getAuthors().isEmpty()
				? blankToNull(entry.getAuthor())
				: blankToNull(
						entry.getAuthors().stream().map(SyndPerson::getName).filter(Objects::nonNull).map(String::strip)
								.filter(name -> !name.isEmpty()).distinct().collect(Collectors.joining(", ")));
		if (author == null) {
			author = blankToNull(entry.getAuthor());
		}
		List<String> categories = entry.getCategories().stream().map(SyndCategory::getName).filter(Objects::nonNull)
				.map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
		String guid = blankToNull(entry.getUri());
		if (entry.getWireEntry() instanceof Item rssItem) {
			// Rome copies the link into the URI when an RSS item has no guid; identity
			// needs to know.
			guid = rssItem.getGuid() == null ? null : blankToNull(rssItem.getGuid().getValue());
		}
		String link = blankToNull(entry.getLink());
		if (link == null && !entry.getLinks().isEmpty()) {
			link = blankToNull(entry.getLinks().get(0).getHref());
		}
		return new ParsedItem(guid, link, blankToNull(entry.getTitle()), author, instant(entry.getPublishedDate()),
				instant(entry.getUpdatedDate()), summary, content, images(entry), categories, base);
	}

	private static List<ParsedImage> images(SyndEntry entry) {
		List<ParsedImage> images = new ArrayList<>();
		if (entry.getModule(MediaModule.URI) instanceof MediaEntryModule media) {
			for (MediaContent content : media.getMediaContents()) {
				addMedia(images, content, media.getMetadata());
			}
			for (MediaGroup group : media.getMediaGroups()) {
				for (MediaContent content : group.getContents()) {
					addMedia(images, content, group.getMetadata());
				}
			}
			Metadata metadata = media.getMetadata();
			if (metadata != null) {
				for (Thumbnail thumbnail : metadata.getThumbnail()) {
					if (thumbnail.getUrl() != null) {
						images.add(new ParsedImage(thumbnail.getUrl().toString(), caption(metadata), credit(metadata)));
					}
				}
			}
		}
		for (SyndEnclosure enclosure : entry.getEnclosures()) {
			String type = enclosure.getType();
			if (enclosure.getUrl() != null && type != null && type.startsWith("image/")) {
				images.add(new ParsedImage(enclosure.getUrl(), null, null));
			}
		}
		return images;
	}

	private static void addMedia(List<ParsedImage> images, MediaContent content, @Nullable Metadata fallback) {
		boolean image = "image".equals(content.getMedium())
				|| content.getType() != null && content.getType().startsWith("image/")
				|| content.getMedium() == null && content.getType() == null;
		if (!image || !(content.getReference() instanceof UrlReference reference) || reference.getUrl() == null) {
			return;
		}
		Metadata metadata = content.getMetadata();
		String caption = caption(metadata);
		String credit = credit(metadata);
		if (caption == null && fallback != null) {
			caption = caption(fallback);
		}
		if (credit == null && fallback != null) {
			credit = credit(fallback);
		}
		images.add(new ParsedImage(reference.getUrl().toString(), caption, credit));
	}

	private static @Nullable String caption(@Nullable Metadata metadata) {
		if (metadata == null) {
			return null;
		}
		String description = blankToNull(metadata.getDescription());
		return description != null ? description : blankToNull(metadata.getTitle());
	}

	private static @Nullable String credit(@Nullable Metadata metadata) {
		if (metadata == null) {
			return null;
		}
		for (Credit credit : metadata.getCredits()) {
			String name = blankToNull(credit.getName());
			if (name != null) {
				return name;
			}
		}
		return null;
	}

	private static @Nullable Instant instant(@Nullable Date date) {
		return date == null ? null : date.toInstant();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
