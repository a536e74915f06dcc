package io.newsstand.web.form;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A form as a template shows it: its CSRF field, what the reader typed (never
 * passwords) and a message per field that was refused.
 */
public record Form(String csrfParameter, String csrfToken, Map<String, String> values, Map<String, String> errors) {

	public static Form empty(CsrfToken csrf) {
		return new Form(csrf.getParameterName(), csrf.getToken(), Map.of(), Map.of());
	}

	public Form with(String field, String value) {
		Map<String, String> copy = new HashMap<>(this.values);
		copy.put(field, value);
		return new Form(this.csrfParameter, this.csrfToken, Map.copyOf(copy), this.errors);
	}

	public Form error(String field, String message) {
		Map<String, String> copy = new HashMap<>(this.errors);
		copy.put(field, message);
		return new Form(this.csrfParameter, this.csrfToken, this.values, Map.copyOf(copy));
	}

	public String value(String field) {
		return this.values.getOrDefault(field, "");
	}

	public @Nullable String errorFor(String field) {
		return this.errors.get(field);
	}

	public boolean invalid(String field) {
		return this.errors.containsKey(field);
	}

	/**
	 * The ids of a field's hint and error, for aria-describedby; null (no
	 * attribute) when it has neither.
	 */
	public @Nullable String describedBy(String field, boolean hasHint) {
		String ids = ((hasHint ? field + "-hint " : "") + (invalid(field) ? field + "-error" : "")).strip();
		return ids.isEmpty() ? null : ids;
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

}
