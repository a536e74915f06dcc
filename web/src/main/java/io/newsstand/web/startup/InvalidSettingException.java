package io.newsstand.web.startup;

import java.util.Locale;

/**
 * A setting the app cannot start with. Reported at start-up as one message
 * naming the property and its environment variable, without a stack trace
 * first.
 */
public class InvalidSettingException extends RuntimeException {

	private final String property;

	private final String action;

	public InvalidSettingException(String property, String problem, String action) {
		this(property, problem, action, null);
	}

	public InvalidSettingException(String property, String problem, String action, Throwable cause) {
		super(property + " (" + environmentVariable(property) + "): " + problem, cause);
		this.property = property;
		this.action = action;
	}

	public String property() {
		return this.property;
	}

	public String action() {
		return this.action;
	}

	/**
	 * The environment variable Spring Boot's relaxed binding maps to the property.
	 */
	public static String environmentVariable(String property) {
		return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
	}

}
