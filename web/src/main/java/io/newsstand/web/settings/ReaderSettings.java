package io.newsstand.web.settings;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;

/**
 * How a reader wants pages shown. Kept in the session (so a page costs no Redis
 * read for it), hence serialisable.
 *
 * @param textSize
 *            the base size of all text
 * @param theme
 *            light, dark, or whatever the device prefers
 */
public record ReaderSettings(TextSize textSize, Theme theme) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** What anonymous readers and new accounts get. */
	public static final ReaderSettings DEFAULT = new ReaderSettings(TextSize.MEDIUM, Theme.SYSTEM);

	/** The {@code color-scheme} the page declares, so form controls match. */
	public String colorScheme() {
		return switch (this.theme) {
			case LIGHT -> "light";
			case DARK -> "dark";
			case SYSTEM -> "light dark";
		};
	}

	/**
	 * Text sizes, as the API and the {@code data-text-size} attribute spell them.
	 */
	public enum TextSize {

		SMALL("small", "Small"), MEDIUM("medium", "Medium"), LARGE("large", "Large"), LARGER("larger", "Larger");

		private final String code;

		private final String label;

		TextSize(String code, String label) {
			this.code = code;
			this.label = label;
		}

		public String code() {
			return this.code;
		}

		public String label() {
			return this.label;
		}

		public static Optional<TextSize> of(String code) {
			return Arrays.stream(values()).filter(size -> size.code.equals(code)).findFirst();
		}

	}

	/** Themes, as the API and the {@code data-theme} attribute spell them. */
	public enum Theme {

		SYSTEM("system", "As the device"), LIGHT("light", "Light"), DARK("dark", "Dark");

		private final String code;

		private final String label;

		Theme(String code, String label) {
			this.code = code;
			this.label = label;
		}

		public String code() {
			return this.code;
		}

		public String label() {
			return this.label;
		}

		public static Optional<Theme> of(String code) {
			return Arrays.stream(values()).filter(theme -> theme.code.equals(code)).findFirst();
		}

	}

}
