package io.newsstand.billing.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /stripe/webhook}: the raw body is verified against the
 * {@code Stripe-Signature} header (300 s tolerance) before anything is read; a
 * missing or bad signature is a 400 and changes nothing. Processing happens
 * before the answer, so a failure is a 500 and Stripe retries. Stripe's events
 * are a few KiB: a body over {@link #MAX_BODY} is a 413, decided from
 * {@code Content-Length} before reading, or after reading one byte past the
 * limit of a chunked body, and the connection is closed instead of drained.
 */
@RestController
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	static final int MAX_BODY = 256 * 1024;

	private final StripeGateway stripe;

	private final WebhookProcessor processor;

	private final MeterRegistry meters;

	WebhookController(StripeGateway stripe, WebhookProcessor processor, ObjectProvider<MeterRegistry> meters) {
		this.stripe = stripe;
		this.processor = processor;
		this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
	}

	private void count(String result, String type) {
		this.meters.counter("newsstand.billing.webhooks", "result", result, "type", type).increment();
	}

	@PostMapping(StripeConnection.WEBHOOK_PATH)
	ResponseEntity<String> receive(HttpServletRequest request,
			@RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) throws IOException {
		String payload = (request.getContentLengthLong() > MAX_BODY) ? null : readAtMost(request.getInputStream());
		if (payload == null) {
			log.warn("Rejected webhook: body over {} bytes (Content-Length {})", MAX_BODY,
					request.getContentLengthLong());
			count("rejected", "unknown");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
					.body("body over " + MAX_BODY + " bytes");
		}
		if (payload.isEmpty() || signature == null) {
			count("rejected", "unknown");
			return ResponseEntity.badRequest().body("missing body or Stripe-Signature header");
		}
		StripeRecords.Event event;
		try {
			event = this.stripe.verify(payload, signature);
		} catch (StripeRecords.BadSignature ex) {
			log.warn("Rejected webhook: {}", ex.getMessage());
			count("rejected", "unknown");
			return ResponseEntity.badRequest().body("invalid signature");
		}
		try {
			String result = this.processor.process(event).name().toLowerCase(Locale.ROOT);
			count(result, event.type());
			return ResponseEntity.ok(result);
		} catch (RuntimeException ex) {
			// Stripe retries on any non-2xx; the snapshot is written last, in one
			// transaction.
			log.warn("Webhook {} ({}) failed, Stripe will retry: {}", event.id(), event.type(), ex.toString());
			count("failed", event.type());
			return ResponseEntity.internalServerError().body("processing failed; retry");
		}
	}

	/** The body, or null when it is longer than {@link #MAX_BODY}. */
	private static @Nullable String readAtMost(InputStream body) throws IOException {
		byte[] bytes = body.readNBytes(MAX_BODY + 1);
		return (bytes.length > MAX_BODY) ? null : new String(bytes, StandardCharsets.UTF_8);
	}

}
