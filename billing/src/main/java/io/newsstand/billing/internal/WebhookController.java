package io.newsstand.billing.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /stripe/webhook}: the raw body is verified against the
 * {@code Stripe-Signature} header (300 s tolerance) before anything is read; a
 * missing or bad signature is a 400 and changes nothing. Processing happens
 * before the answer, so a failure is a 500 and Stripe retries.
 */
@RestController
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

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
	ResponseEntity<String> receive(@RequestBody(required = false) @Nullable String payload,
			@RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
		if (payload == null || signature == null) {
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
			String result = this.processor.process(event).name().toLowerCase(java.util.Locale.ROOT);
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

}
