package io.newsstand.aggregator.internal.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

/**
 * Turns feed bytes into XML text Rome can parse without its own healing: our
 * charset detection (BOM, HTTP header, XML prolog, then sniffing) decoding with
 * replacement, then one pass that drops characters illegal in XML, removes the
 * DOCTYPE (so no entity, internal or external, is ever declared: XXE and
 * "billion laughs" have nothing to expand), maps HTML named entities to numeric
 * references and escapes stray ampersands. CDATA sections and comments are
 * copied verbatim.
 */
public final class FeedText {

	private static final Pattern PROLOG_ENCODING = Pattern
			.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)[\"']");

	private static final Pattern HTTP_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:\\-]+)",
			Pattern.CASE_INSENSITIVE);

	private FeedText() {
	}

	/** Decodes bytes to text; the charset is chosen as the class comment says. */
	public static String decode(byte[] bytes, @Nullable String contentType) {
		String utf8 = undeclaredUtf8(bytes, contentType);
		if (utf8 != null) {
			return utf8;
		}
		Charset charset = detect(bytes, contentType);
		int skip = bomLength(bytes);
		String text = new String(bytes, skip, bytes.length - skip, charset);
		return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
	}

	/**
	 * The cheap path of {@link #detect} for the commonest case: no BOM, no charset
	 * in the header or the prolog, and bytes that decode as UTF-8, decoded once
	 * (not checked, then decoded again).
	 *
	 * @return the text, or {@code null} when the full detection must decide
	 */
	private static @Nullable String undeclaredUtf8(byte[] bytes, @Nullable String contentType) {
		// Starts with '<' or white space, one byte each: no BOM, no UTF-16 or UTF-32.
		if (bytes.length < 4 || bytes[1] == 0
				|| bytes[0] != '<' && bytes[0] != ' ' && bytes[0] != '\n' && bytes[0] != '\r' && bytes[0] != '\t'
				|| contentType != null && HTTP_CHARSET.matcher(contentType).find()) {
			return null;
		}
		String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
		Matcher declared = PROLOG_ENCODING.matcher(head);
		if (declared.find() && !declared.group(1).equalsIgnoreCase("utf-8")) {
			return null;
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			return decoder.decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException ex) {
			return null;
		}
	}

	static Charset detect(byte[] bytes, @Nullable String contentType) {
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
			return StandardCharsets.UTF_8;
		}
		if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
			return StandardCharsets.UTF_16BE;
		}
		if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		// UTF-16 without a BOM: "<" next to a zero byte.
		if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0) {
			return StandardCharsets.UTF_16BE;
		}
		if (bytes.length >= 4 && bytes[0] != 0 && bytes[1] == 0 && bytes[3] == 0) {
			return StandardCharsets.UTF_16LE;
		}
		Charset http = contentType == null ? null : charset(HTTP_CHARSET.matcher(contentType));
		if (http != null) {
			return http;
		}
		String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
		Charset declared = charset(PROLOG_ENCODING.matcher(head));
		if (declared != null) {
			return declared;
		}
		return isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
	}

	private static @Nullable Charset charset(Matcher matcher) {
		if (!matcher.find()) {
			return null;
		}
		String name = matcher.group(1).toLowerCase(Locale.ROOT);
		if (name.startsWith("utf-16") || name.startsWith("utf-32") || name.equals("unicode")) {
			// A one-byte document that claims UTF-16 (we checked for real UTF-16 above).
			return null;
		}
		try {
			Charset charset = Charset.forName(name);
			// Latin-1 declarations are in practice windows-1252 (the WHATWG rule).
			return charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)
					? Charset.forName("windows-1252")
					: charset;
		} catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isUtf8(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			decoder.decode(ByteBuffer.wrap(bytes));
			return true;
		} catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static int bomLength(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
			return 3;
		}
		if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
				|| (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
			return 2;
		}
		return 0;
	}

	/**
	 * Cleans decoded XML text as the class comment says. Runs of ordinary
	 * characters are copied in bulk; only markup starts, ampersands and illegal
	 * characters are looked at one by one.
	 */
	public static String cleanXml(String text) {
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
				if (text.startsWith("<![CDATA[", i)) {
					out.append(text, run, i);
					int end = text.indexOf("]]>", i + 9);
					end = end < 0 ? length : end + 3;
					appendLegal(out, text, i, end);
					i = end;
					run = i;
					continue;
				}
				if (text.startsWith("<!--", i)) {
					out.append(text, run, i);
					int end = text.indexOf("-->", i + 4);
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
						out.append(new String(new byte[]{(byte) code}, Charset.forName("windows-1252")));
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
