package io.newsstand.aggregator.internal.parse;

import java.nio.charset.Charset;
import org.jsoup.nodes.Entities;

/**
 * Makes decoded feed text XML Rome can parse without its own healing, in one
 * pass: drops characters illegal in XML, removes the DOCTYPE (so no entity,
 * internal or external, is ever declared: XXE and "billion laughs" have nothing
 * to expand), maps HTML named entities to numeric references and escapes stray
 * ampersands. CDATA sections and comments are copied verbatim.
 */
public final class XmlCleaner {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private XmlCleaner() {
	}

	/**
	 * Cleans decoded XML text as the class comment says. Runs of ordinary
	 * characters are copied in bulk; only markup starts, ampersands and illegal
	 * characters are looked at one by one.
	 */
	public static String clean(String text) {
		int length = text.length();
		StringBuilder out = new StringBuilder(length + 64);
		int i = 0;
		// Nothing may precede the prolog.
		while (i < length && text.charAt(i) != '<') {
			i++;
		}
		boolean rootSeen = false;
		int run = i;
		while (i < length) {
			char c = text.charAt(i);
			if (c != '<' && c != '&' && isPlain(c)) {
				i++;
				continue;
			}
			if (c == '<') {
				String closing = text.startsWith("<![CDATA[", i) ? "]]>" : text.startsWith("<!--", i) ? "-->" : null;
				if (closing != null) {
					out.append(text, run, i);
					int end = text.indexOf(closing, i + 4);
					end = end < 0 ? length : end + 3;
					appendLegal(out, text, i, end);
					i = end;
					run = i;
					continue;
				}
				if (!rootSeen && text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
					out.append(text, run, i);
					i = skipDoctype(text, i + 9);
					run = i;
					continue;
				}
				if (i + 1 < length && Character.isLetter(text.charAt(i + 1))) {
					rootSeen = true;
				}
				i++;
			} else if (c == '&') {
				out.append(text, run, i);
				i = entity(text, i, out);
				run = i;
			} else {
				out.append(text, run, i);
				if (isLegal(c) || Character.isSurrogate(c) && legalSurrogate(text, i)) {
					out.append(c);
				}
				i++;
				run = i;
			}
		}
		out.append(text, run, length);
		return out.toString();
	}

	/** Legal in XML and no surrogate (surrogates are checked in pairs). */
	private static boolean isPlain(char c) {
		return c >= 0x20 && c < 0xD800 || c == 0x9 || c == 0xA || c == 0xD || c >= 0xE000 && c <= 0xFFFD;
	}

	private static int skipDoctype(String text, int i) {
		int depth = 0;
		int length = text.length();
		while (i < length) {
			char c = text.charAt(i++);
			if (c == '[') {
				depth++;
			} else if (c == ']') {
				depth--;
			} else if (c == '>' && depth <= 0) {
				return i;
			}
		}
		return length;
	}

	private static int entity(String text, int start, StringBuilder out) {
		int length = text.length();
		int i = start + 1;
		if (i < length && text.charAt(i) == '#') {
			int j = i + 1;
			boolean hex = j < length && (text.charAt(j) == 'x' || text.charAt(j) == 'X');
			if (hex) {
				j++;
			}
			int digits = j;
			while (j < length && j - digits < 8 && Character.digit(text.charAt(j), hex ? 16 : 10) >= 0) {
				j++;
			}
			if (j > digits && j < length && text.charAt(j) == ';') {
				try {
					int code = Integer.parseInt(text, digits, j, hex ? 16 : 10);
					if (code >= 0x80 && code <= 0x9F) {
						// Windows-1252 code points written as numeric references (common in feeds).
						out.append(new String(new byte[]{(byte) code}, WINDOWS_1252));
					} else if (isLegalCodePoint(code)) {
						out.append(text, start, j + 1);
					}
					return j + 1;
				} catch (NumberFormatException ex) {
					// fall through: escape the ampersand
				}
			}
			out.append("&amp;");
			return start + 1;
		}
		int j = i;
		while (j < length && j - i < 32 && Character.isLetterOrDigit(text.charAt(j))) {
			j++;
		}
		if (j > i && j < length && text.charAt(j) == ';') {
			String name = text.substring(i, j);
			switch (name) {
				case "amp", "lt", "gt", "quot", "apos" -> out.append(text, start, j + 1);
				default -> {
					if (Entities.isNamedEntity(name)) {
						String value = Entities.getByName(name);
						value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
					} else {
						out.append("&amp;").append(name).append(';');
					}
				}
			}
			return j + 1;
		}
		out.append("&amp;");
		return start + 1;
	}

	private static void appendLegal(StringBuilder out, String text, int from, int to) {
		int run = from;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (!isPlain(c)) {
				out.append(text, run, i);
				if (isLegal(c) || Character.isSurrogate(c) && legalSurrogate(text, i)) {
					out.append(c);
				}
				run = i + 1;
			}
		}
		out.append(text, run, to);
	}

	private static boolean isLegal(char c) {
		return c >= 0x20 && c <= 0xD7FF || c == 0x9 || c == 0xA || c == 0xD || c >= 0xE000 && c <= 0xFFFD;
	}

	private static boolean legalSurrogate(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
	}

	private static boolean isLegalCodePoint(int cp) {
		return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
				|| cp >= 0x10000 && cp <= 0x10FFFF;
	}

}
