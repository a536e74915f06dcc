package io.newsstand.web.passkey;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One passkey as the passkeys page shows it. */
public record PasskeyRow(String id, String label, String created, String lastUsed) {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter
			.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

	static PasskeyRow of(Passkey passkey) {
		return new PasskeyRow(passkey.id(), passkey.label(), MINUTE.format(passkey.created()),
				(passkey.lastUsed() != null) ? MINUTE.format(passkey.lastUsed()) : "Never");
	}

}
