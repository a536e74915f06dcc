package io.newsstand.stripesandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Request parameters in Stripe's bracket notation
 * ({@code line_items[0][price]}, {@code metadata[accountId]},
 * {@code expand[0]}), checked against what an endpoint accepts the way Stripe
 * checks them: an unknown parameter or a value of the wrong type is a 400
 * {@code invalid_request_error}.
 */
final class StripeParams {

	private static final Pattern SEGMENT = Pattern.compile("\\[([^\\]]*)\\]");

	private final Map<String, String> values;

	private StripeParams(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * Parses and validates parameters.
	 *
	 * @param raw
	 *            the request's parameters
	 * @param accepted
	 *            accepted keys in normalised form: segments joined by dots, list
	 *            indexes as {@code #}, map keys (metadata) as {@code *}, e.g.
	 *            {@code line_items.#.price}, {@code metadata.*}; a trailing type
	 *            after a colon ({@code :int}, {@code :bool}, {@code :a|b}) is
	 *            checked
	 */
	static StripeParams of(Map<String, String[]> raw, Set<String> accepted) {
		Map<String, String> specs = new LinkedHashMap<>();
		for (String spec : accepted) {
			int colon = spec.indexOf(':');
			specs.put((colon < 0) ? spec : spec.substring(0, colon), (colon < 0) ? "" : spec.substring(colon + 1));
		}
		specs.putIfAbsent("expand.#", "");
		Map<String, String> values = new TreeMap<>();
		raw.forEach((key, array) -> {
			String normalised = normalise(key);
			String type = specs.get(normalised);
			if (type == null) {
				throw SandboxError.invalid("parameter_unknown", key, "Received unknown parameter: " + key);
			}
			String value = (array.length == 0) ? "" : array[array.length - 1];
			check(key, type, value);
			values.put(key, value);
		});
		return new StripeParams(values);
	}

	static String normalise(String key) {
		List<String> segments = new ArrayList<>();
		int bracket = key.indexOf('[');
		segments.add((bracket < 0) ? key : key.substring(0, bracket));
		if (bracket >= 0) {
			Matcher matcher = SEGMENT.matcher(key.substring(bracket));
			while (matcher.find()) {
				segments.add(matcher.group(1));
			}
		}
		for (int i = 1; i < segments.size(); i++) {
			String previous = segments.get(i - 1);
			String segment = segments.get(i);
			if (previous.equals("metadata")) {
				segments.set(i, "*");
			} else if (segment.isEmpty() || segment.chars().allMatch(Character::isDigit)) {
				segments.set(i, "#");
			}
		}
		return String.join(".", segments);
	}

	private static void check(String key, String type, String value) {
		switch (type) {
			case "" -> {
			}
			case "int" -> {
				if (!value.matches("-?\\d{1,18}")) {
					throw SandboxError.invalid("parameter_invalid_integer", key, "Invalid integer: " + value);
				}
			}
			case "bool" -> {
				if (!value.equals("true") && !value.equals("false")) {
					throw SandboxError.invalid("parameter_invalid_boolean", key, "Invalid boolean: " + value);
				}
			}
			case "now|int" -> {
				if (!value.equals("now") && !value.matches("\\d{1,18}")) {
					throw SandboxError.invalid("parameter_invalid_integer", key,
							"Invalid " + key + ": must be an integer Unix timestamp or 'now'");
				}
			}
			default -> {
				if (!List.of(type.split("\\|")).contains(value)) {
					throw SandboxError.invalid("parameter_invalid_string", key,
							"Invalid " + key + ": must be one of " + String.join(", ", type.split("\\|")));
				}
			}
		}
	}

	@Nullable
	String get(String key) {
		return this.values.get(key);
	}

	String require(String key) {
		String value = this.values.get(key);
		if (value == null || value.isEmpty()) {
			throw SandboxError.invalid("parameter_missing", key, "Missing required param: " + key + ".");
		}
		return value;
	}

	@Nullable
	Long getLong(String key) {
		String value = this.values.get(key);
		return (value == null || value.isEmpty()) ? null : Long.valueOf(value);
	}

	@Nullable
	Boolean getBoolean(String key) {
		String value = this.values.get(key);
		return (value == null || value.isEmpty()) ? null : Boolean.valueOf(value);
	}

	/** The entries of a map parameter such as {@code metadata}. */
	Map<String, String> map(String prefix) {
		Map<String, String> result = new LinkedHashMap<>();
		this.values.forEach((key, value) -> {
			if (key.startsWith(prefix + "[") && key.endsWith("]")) {
				result.put(key.substring(prefix.length() + 1, key.length() - 1), value);
			}
		});
		return result;
	}

	/** The values of a list parameter such as {@code expand}, in index order. */
	List<String> list(String prefix) {
		Map<Integer, String> indexed = new TreeMap<>();
		this.values.forEach((key, value) -> {
			Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "\\[(\\d*)\\]").matcher(key);
			if (matcher.matches()) {
				indexed.put(matcher.group(1).isEmpty() ? indexed.size() : Integer.parseInt(matcher.group(1)), value);
			}
		});
		return new ArrayList<>(indexed.values());
	}

}
