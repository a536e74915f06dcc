package io.newsstand.web.settings;

import io.newsstand.web.form.Form;

/**
 * What the settings page shows.
 *
 * @param form
 *            the form's CSRF field and the message per refused field
 * @param current
 *            the settings the choices start from
 * @param saved
 *            the settings were just saved
 */
public record SettingsPage(Form form, ReaderSettings current, boolean saved) {

	public ReaderSettings.TextSize[] textSizes() {
		return ReaderSettings.TextSize.values();
	}

	public ReaderSettings.Theme[] themes() {
		return ReaderSettings.Theme.values();
	}

}
