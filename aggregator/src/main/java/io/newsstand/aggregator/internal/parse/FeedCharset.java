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
import org.jspecify.annotations.Nullable;

/**
 * Turns feed bytes into text: the charset from the byte order mark, the HTTP
 * header, the XML prolog, then sniffing; decoding with replacement, so broken
 * bytes cost a character, not the feed. {@link XmlCleaner} takes it from there.
 */
public final class FeedCharset {

	private FeedCharset() {
	}

	private static final Pattern PROLOG_ENCODING = Pattern
			.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)[\"']");

	private static final Pattern HTTP_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:\\-]+)",
			Pattern.CASE_INSENSITIVE);

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

}
