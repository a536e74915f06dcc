package io.newsstand.stripesandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/**
 * A Stripe-shaped API error: the HTTP status and the {@code error} object the
 * SDK turns into its exception types.
 */
final class SandboxError extends RuntimeException {

	private final int status;

	private final String type;

	private final String code;

	private final @Nullable String param;

	SandboxError(int status, String type, String code, @Nullable String param, String message) {
		super(message);
		this.status = status;
		this.type = type;
		this.code = code;
		this.param = param;
	}

	static SandboxError invalid(String code, @Nullable String param, String message) {
		return new SandboxError(400, "invalid_request_error", code, param, message);
	}

	/** Stripe's answer to a test card that declines. */
	static SandboxError cardDeclined() {
		return cardDeclined("generic_decline");
	}

	/** Stripe's answer, in Stripe's words, to a card declined for this reason. */
	static SandboxError cardDeclined(String declineCode) {
		String message = declineCode.equals("insufficient_funds")
				? "Your card has insufficient funds."
				: "Your card was declined.";
		return new SandboxError(402, "card_error", "card_declined", null, message);
	}

	static SandboxError missing(String kind, String id) {
		return new SandboxError(404, "invalid_request_error", "resource_missing", "id",
				"No such " + kind + ": '" + id + "'");
	}

	int status() {
		return this.status;
	}

	/** The answer Stripe gives: the status and the error body. */
	ResponseEntity<Object> response() {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(this.status);
		if (this.status == 401) {
			response.header("WWW-Authenticate", "Bearer realm=\"Stripe\"");
		}
		return response.body(body());
	}

	Map<String, Object> body() {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("type", this.type);
		error.put("code", this.code);
		error.put("message", getMessage());
		if (this.param != null) {
			error.put("param", this.param);
		}
		return Map.of("error", error);
	}

}
