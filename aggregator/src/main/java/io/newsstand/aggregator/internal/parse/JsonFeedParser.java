package io.newsstand.aggregator.internal.parse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into
 * {@link ParsedFeed}.
 */
final class JsonFeedParser {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	ParseOutcome parse(String json) {
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		} catch (JacksonException ex) {
			return new ParseOutcome.Malformed("invalid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			return new ParseOutcome.NotAFeed("JSON document is not an object");
		}
		String version = text(root, "version");
		if (version == null || !version.startsWith("https://jsonfeed.org/version/")
				&& !version.startsWith("http://jsonfeed.org/version/")) {
			return new ParseOutcome.NotAFeed("JSON without a JSON Feed version");
		}
		String format = version.endsWith("1.1") ? "json_1.1" : "json_1.0";
		String feedAuthor = authors(root);
		List<ParsedItem> items = new ArrayList<>();
		for (JsonNode item : root.path("items")) {
			if (!item.isObject()) {
				continue;
			}
			String author = authors(item);
			List<ParsedImage> images = new ArrayList<>();
			String image = text(item, "image");
			if (image != null) {
				images.add(new ParsedImage(image, null, null));
			}
			String banner = text(item, "banner_image");
			if (banner != null) {
				images.add(new ParsedImage(banner, null, null));
			}
			for (JsonNode attachment : item.path("attachments")) {
				String type = text(attachment, "mime_type");
				String url = text(attachment, "url");
				if (url != null && type != null && type.startsWith("image/")) {
					images.add(new ParsedImage(url, text(attachment, "title"), null));
				}
			}
			List<String> tags = StreamSupport.stream(item.path("tags").spliterator(), false).filter(JsonNode::isString)
					.map(JsonNode::stringValue).map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
			String contentHtml = text(item, "content_html");
			String contentText = text(item, "content_text");
			if (contentHtml == null && contentText != null) {
				contentHtml = escapeParagraphs(contentText);
			}
			String id = item.has("id") && item.get("id").isValueNode() ? item.get("id").asString().strip() : null;
			items.add(new ParsedItem(id == null || id.isEmpty() ? null : id, text(item, "url"), text(item, "title"),
					author != null ? author : feedAuthor, date(text(item, "date_published")),
					date(text(item, "date_modified")), text(item, "summary"), contentHtml, images, tags, null));
		}
		return new ParseOutcome.Parsed(new ParsedFeed(format, text(root, "title"), text(root, "home_page_url"),
				text(root, "language"), null, items));
	}

	private static @Nullable String authors(JsonNode node) {
		List<String> names = new ArrayList<>();
		for (JsonNode author : node.path("authors")) {
			String name = text(author, "name");
			if (name != null) {
				names.add(name);
			}
		}
		String single = text(node.path("author"), "name");
		if (names.isEmpty() && single != null) {
			names.add(single);
		}
		return names.isEmpty() ? null : names.stream().distinct().collect(Collectors.joining(", "));
	}

	private static String escapeParagraphs(String text) {
		StringBuilder html = new StringBuilder();
		for (String paragraph : text.split("\\R\\s*\\R")) {
			html.append("<p>").append(Entities.escape(paragraph.strip())).append("</p>");
		}
		return html.toString();
	}

	private static @Nullable Instant date(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		} catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString()) {
			return null;
		}
		String text = value.stringValue().strip();
		return text.isEmpty() ? null : text;
	}

}
