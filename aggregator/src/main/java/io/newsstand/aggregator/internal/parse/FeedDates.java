package io.newsstand.aggregator.internal.parse;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.jspecify.annotations.Nullable;

/**
 * The two date forms most feeds use, RFC 1123 ({@code Tue, 03 Jun 2025 09:30:00
 * GMT}) and ISO 8601 with seconds ({@code 2025-06-03T09:30:00Z}, optionally
 * with milliseconds), parsed with {@code java.time} to the instant Rome's masks
 * give, so that Rome's slow date parser sees only the other forms (see
 * {@link RomeFeedParser#date}).
 */
final class FeedDates {

	private FeedDates() {
	}

	/**
	 * @return the instant of an RFC 1123 or ISO 8601 date, or null for any other
	 *         form and for one {@code java.time} refuses (Rome's lenient masks
	 *         decide those)
	 */
	static @Nullable Date parse(String text) {
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
		return null;
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

}
