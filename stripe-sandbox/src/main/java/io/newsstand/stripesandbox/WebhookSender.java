package io.newsstand.stripesandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers sandbox events to the app's webhook endpoint as Stripe does: a POST
 * of the event JSON signed {@code Stripe-Signature: t=...,v1=HMAC-SHA256}, each
 * batch on a virtual thread, retried with doubling delays while the endpoint
 * answers anything but 2xx. Tests can ask for every event twice and for a batch
 * in reverse order, and can wait until nothing is in flight.
 */
final class WebhookSender implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private final Supplier<String> url;

	private final String secret;

	private final Duration retryDelay;

	private final int maxAttempts;

	private final InstantSource clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();

	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "sandbox-webhook-retry");
		thread.setDaemon(true);
		return thread;
	});

	private final Object idle = new Object();

	private int inFlight;

	private volatile boolean duplicate;

	private volatile boolean reverse;

	private final Map<String, List<Integer>> attempts = new ConcurrentHashMap<>();

	WebhookSender(Supplier<String> url, String secret, Duration retryDelay, int maxAttempts, InstantSource clock) {
		this.url = url;
		this.secret = secret;
		this.retryDelay = retryDelay;
		this.maxAttempts = maxAttempts;
		this.clock = clock;
	}

	void mode(boolean duplicate, boolean reverse) {
		this.duplicate = duplicate;
		this.reverse = reverse;
	}

	/** Queues a batch of events, delivered in order (unless reversed). */
	void send(List<Map<String, Object>> events) {
		if (events.isEmpty()) {
			return;
		}
		List<String> bodies = new ArrayList<>();
		for (Map<String, Object> event : events) {
			String body = this.json.writeValueAsString(event);
			bodies.add(body);
			if (this.duplicate) {
				bodies.add(body);
			}
		}
		if (this.reverse) {
			Collections.reverse(bodies);
		}
		begin(bodies.size());
		this.workers.execute(() -> bodies.forEach(body -> deliver(body, 1)));
	}

	private void deliver(String body, int attempt) {
		String id = body.substring(body.indexOf("\"id\":\"") + 6, body.indexOf('"', body.indexOf("\"id\":\"") + 6));
		int status;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.url.get())).timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/json; charset=utf-8")
					.header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
					.header("Stripe-Signature", signature(body, this.clock.instant().getEpochSecond()))
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		} catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.warn("Sandbox webhook {} attempt {} failed: {}", id, attempt, ex.toString());
			status = 0;
		}
		this.attempts.computeIfAbsent(id, key -> Collections.synchronizedList(new ArrayList<>())).add(status);
		if (status >= 200 && status < 300) {
			end();
		} else if (attempt < this.maxAttempts && !this.workers.isShutdown()) {
			long delay = this.retryDelay.toMillis() << (attempt - 1);
			log.info("Sandbox webhook {} answered {}; retrying in {} ms", id, status, delay);
			this.retries.schedule(() -> this.workers.execute(() -> deliver(body, attempt + 1)), delay,
					TimeUnit.MILLISECONDS);
		} else {
			log.warn("Sandbox webhook {} given up after {} attempts", id, attempt);
			end();
		}
	}

	/** The HTTP statuses of each delivery attempt of an event (0: no answer). */
	List<Integer> attempts(String eventId) {
		return List.copyOf(this.attempts.getOrDefault(eventId, List.of()));
	}

	String signature(String body, long timestamp) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
		} catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void begin(int count) {
		synchronized (this.idle) {
			this.inFlight += count;
		}
	}

	private void end() {
		synchronized (this.idle) {
			this.inFlight--;
			this.idle.notifyAll();
		}
	}

	/** Waits until every queued delivery has succeeded or been given up. */
	boolean awaitIdle(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.idle) {
			while (this.inFlight > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.idle, left);
			}
			return true;
		}
	}

	@Override
	public void close() {
		this.retries.shutdownNow();
		this.workers.shutdownNow();
	}

}
