package io.newsstand.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping, with a quick first look at each mapping before
 * its conditions are checked. A path with a pattern ({@code /articles/{id}})
 * has no direct entry, so Spring checks every one of the app's ~150 mappings in
 * turn (method, CORS, media types, patterns): JFR put that scan at a third of
 * the time of an article page. A mapping whose every pattern starts with a
 * literal segment other than the request's first segment cannot match, so it is
 * passed over without that work.
 * <p>
 * The look only ever passes over a mapping that could not match: the request's
 * first segment is compared as sent (both sides in lower case, so a segment
 * that differs only in case gets the full check) and only when it holds no
 * percent-encoding and no matrix variables (otherwise every mapping gets
 * Spring's full check), and a mapping with a pattern that starts with a
 * variable or wildcard is always checked in full. Which mapping wins, and
 * everything Spring does with it, is unchanged.
 */
final class FirstSegmentHandlerMapping extends RequestMappingHandlerMapping {

	/** Marks a mapping that any first segment may match. */
	private static final String[] ANY = new String[0];

	/** The request's first segment while its lookup runs; null: no filtering. */
	private static final ThreadLocal<@Nullable String> firstSegment = new ThreadLocal<>();

	/**
	 * Each mapping's literal first segments, by the mapping's identity:
	 * {@link RequestMappingInfo#hashCode} works through every condition, and cost
	 * more than the checks it saved.
	 */
	private final Map<Identity, String[]> literals = new ConcurrentHashMap<>();

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		String previous = firstSegment.get();
		firstSegment.set(comparable(lookupPath));
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		} finally {
			firstSegment.set(previous);
		}
	}

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		String segment = firstSegment.get();
		if (segment != null) {
			Identity key = new Identity(info);
			String[] starts = this.literals.get(key);
			if (starts == null) {
				starts = literalStarts(info);
				this.literals.put(key, starts);
			}
			if (starts != ANY && !startsWithAny(segment, starts)) {
				return null;
			}
		}
		return super.getMatchingMapping(info, request);
	}

	/** A mapping as a key, equal only to itself. */
	private record Identity(RequestMappingInfo info) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Identity that && that.info == this.info;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.info);
		}

	}

	private static boolean startsWithAny(String segment, String[] starts) {
		for (String start : starts) {
			// Both lower case: a segment that differs only in case is checked in full.
			if (start.equals(segment)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The first segment of a lookup path as a pattern's literal would match it, or
	 * null when it cannot be compared without decoding.
	 */
	static @Nullable String comparable(String lookupPath) {
		int from = lookupPath.startsWith("/") ? 1 : 0;
		int end = lookupPath.indexOf('/', from);
		String segment = lookupPath.substring(from, (end < 0) ? lookupPath.length() : end);
		return (segment.indexOf('%') >= 0 || segment.indexOf(';') >= 0) ? null : segment.toLowerCase(Locale.ROOT);
	}

	/** Each pattern's literal first segment, or {@link #ANY}. */
	static String[] literalStarts(RequestMappingInfo info) {
		PathPatternsRequestCondition condition = info.getPathPatternsCondition();
		if (condition == null || condition.getPatterns().isEmpty()) {
			return ANY;
		}
		String[] starts = new String[condition.getPatterns().size()];
		int i = 0;
		for (PathPattern pattern : condition.getPatterns()) {
			String start = literalStart(pattern.getPatternString());
			if (start == null) {
				return ANY;
			}
			starts[i++] = start;
		}
		return starts;
	}

	/** A pattern's first segment when it is plain text, else null. */
	static @Nullable String literalStart(String pattern) {
		int from = pattern.startsWith("/") ? 1 : 0;
		int end = pattern.indexOf('/', from);
		String segment = pattern.substring(from, (end < 0) ? pattern.length() : end);
		if (segment.isEmpty() || segment.chars().anyMatch((c) -> c == '{' || c == '*' || c == '?' || c == '\\')) {
			return null;
		}
		return segment.toLowerCase(Locale.ROOT);
	}

}
