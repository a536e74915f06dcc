package io.newsstand.aggregator.internal.fetch;

import io.newsstand.aggregator.internal.fetch.CappedBodySubscriber.BodyTooLargeException;
import io.newsstand.aggregator.internal.fetch.FetchResult.FailureKind;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Conditional GETs of feeds: validators, gzip/deflate, up to five redirects
 * (each hop checked by the {@link PrivateNetworkGuard}), a whole-request
 * deadline, a body cap enforced while streaming and again after decompression,
 * at most N requests per host, no cookies.
 */
public final class FeedFetcher {

	static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
			+ "application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

	private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d+)");

	private final FetchSettings settings;

	private final PrivateNetworkGuard guard;

	private final InstantSource clock;

	private final HostLimiter hosts;

	private final HttpClient client;

	public FeedFetcher(FetchSettings settings, PrivateNetworkGuard guard, InstantSource clock) {
		this.settings = settings;
		this.guard = guard;
		this.clock = clock;
		this.hosts = new HostLimiter(settings.maxPerHost());
		// No cookie handler: the JDK client then neither stores nor sends cookies. The
		// client's own tasks (reading responses, completing them) run on virtual
		// threads: its default pool of platform threads hands every response from
		// thread to thread at a measurable cost in CPU (docs/performance.md, poll
		// cycle).
		this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
				.followRedirects(HttpClient.Redirect.NEVER)
				.executor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("feed-http-", 0).factory()))
				.build();
	}

	public FetchResult fetch(FetchRequest request) {
		long[] deadline = {System.nanoTime() + this.settings.requestTimeout().toNanos()};
		URI current = request.url();
		URI permanent = null;
		boolean permanentSoFar = true;
		for (int hop = 0; hop <= FetchSettings.MAX_REDIRECTS; hop++) {
			String refusal = this.guard.refusal(current);
			if (refusal != null) {
				return new FetchResult.Failed(FailureKind.BLOCKED_ADDRESS, 0, refusal);
			}
			HttpResponse<byte[]> response;
			try {
				response = send(request, current, deadline);
			} catch (FetchFailure failure) {
				return failure.result();
			}
			int status = response.statusCode();
			HttpHeaders headers = response.headers();
			if (isRedirect(status)) {
				String location = headers.firstValue("Location").orElse(null);
				if (location == null) {
					return new FetchResult.Failed(FailureKind.HTTP_STATUS, status,
							"HTTP " + status + " without Location");
				}
				URI next;
				try {
					next = current.resolve(location.strip());
				} catch (IllegalArgumentException ex) {
					return new FetchResult.Failed(FailureKind.HTTP_STATUS, status, "bad Location: " + location);
				}
				permanentSoFar = permanentSoFar && (status == 301 || status == 308);
				permanent = permanentSoFar ? next : null;
				current = next;
				continue;
			}
			return answer(response, permanent);
		}
		return new FetchResult.Failed(FailureKind.TOO_MANY_REDIRECTS, 0,
				"more than " + FetchSettings.MAX_REDIRECTS + " redirects");
	}

	/**
	 * What a response that is not a redirect means; {@code moved} is where a chain
	 * of permanent redirects led, if it did.
	 */
	private FetchResult answer(HttpResponse<byte[]> response, @Nullable URI moved) {
		int status = response.statusCode();
		HttpHeaders headers = response.headers();
		Duration maxAge = maxAge(headers);
		if (status == 304) {
			return new FetchResult.NotModified(headers.firstValue("ETag").orElse(null),
					headers.firstValue("Last-Modified").orElse(null), maxAge, moved);
		}
		if (status == 410) {
			return new FetchResult.Gone();
		}
		if (status == 429 || status == 503) {
			return new FetchResult.RateLimited(status, retryAt(headers.firstValue("Retry-After").orElse(null)));
		}
		if (status < 200 || status > 299) {
			return new FetchResult.Failed(FailureKind.HTTP_STATUS, status, "HTTP " + status);
		}
		byte[] body;
		try {
			body = ContentDecoding.decode(response.body(), headers.firstValue("Content-Encoding").orElse(""),
					this.settings.maxBodyBytes());
		} catch (FetchFailure failure) {
			return failure.result();
		}
		if (body.length == 0) {
			return new FetchResult.Failed(FailureKind.EMPTY, status, "empty body");
		}
		return new FetchResult.Fetched(status, body, headers.firstValue("Content-Type").orElse(null),
				headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null), maxAge,
				moved);
	}

	private HttpResponse<byte[]> send(FetchRequest request, URI url, long[] deadline) throws FetchFailure {
		// Built before a permit is taken: nothing between taking and the try that
		// gives it back may throw.
		HttpRequest get;
		try {
			get = conditionalGet(request, url);
		} catch (IllegalArgumentException ex) {
			throw new FetchFailure(FailureKind.NETWORK, "bad URL " + url + ": " + ex.getMessage());
		}
		Semaphore permit = this.hosts.forHost(url.getHost());
		long waited = System.nanoTime();
		try {
			// Waiting for our own politeness limit is not the publisher's slowness: it does
			// not count against the request deadline, but is bounded so a batch cannot
			// outlive its lease.
			if (!permit.tryAcquire(this.settings.requestTimeout().multipliedBy(3).toNanos(), TimeUnit.NANOSECONDS)) {
				throw new FetchFailure(FailureKind.TIMEOUT,
						"waited too long for a free connection to " + url.getHost());
			}
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchFailure(FailureKind.TIMEOUT, "interrupted");
		}
		deadline[0] += System.nanoTime() - waited;
		long remaining = deadline[0] - System.nanoTime();
		if (remaining <= 0) {
			permit.release();
			throw new FetchFailure(FailureKind.TIMEOUT, "no answer within " + this.settings.requestTimeout());
		}
		CompletableFuture<HttpResponse<byte[]>> future = null;
		try {
			future = this.client.sendAsync(get, info -> new CappedBodySubscriber(this.settings.maxBodyBytes(),
					info.headers().firstValueAsLong("Content-Length").orElse(-1)));
			return future.get(Math.max(1, deadline[0] - System.nanoTime()), TimeUnit.NANOSECONDS);
		} catch (TimeoutException ex) {
			throw new FetchFailure(FailureKind.TIMEOUT,
					"no complete answer within " + this.settings.requestTimeout() + " from " + url.getHost());
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchFailure(FailureKind.TIMEOUT, "interrupted");
		} catch (ExecutionException ex) {
			throw failure(ex.getCause() == null ? ex : ex.getCause(), url);
		} catch (IllegalArgumentException ex) {
			throw new FetchFailure(FailureKind.NETWORK, "bad URL " + url + ": " + ex.getMessage());
		} finally {
			if (future != null && !future.isDone()) {
				future.cancel(true);
			}
			permit.release();
		}
	}

	/** The GET of one hop, with the validators the feed's state holds. */
	private HttpRequest conditionalGet(FetchRequest request, URI url) {
		// No HttpRequest.timeout: the deadline is the wait in send, which cancels the
		// exchange when it passes. A request timeout would also register a timer with
		// the client's selector thread (and wake it) for every request.
		HttpRequest.Builder builder = HttpRequest.newBuilder(url).GET().header("User-Agent", this.settings.userAgent())
				.header("Accept", request.accept() == null ? ACCEPT : request.accept())
				.header("Accept-Encoding", "gzip, deflate");
		if ("http".equalsIgnoreCase(url.getScheme())) {
			// No h2c upgrade on plain HTTP: several feed hosts break on it.
			builder.version(HttpClient.Version.HTTP_1_1);
		}
		// A validator is sent back only when it can be: a hostile server's ETag with a
		// line break must neither reach another header nor stop the feed's fetches.
		if (sendable(request.etag())) {
			builder.header("If-None-Match", request.etag());
		}
		if (sendable(request.lastModified())) {
			builder.header("If-Modified-Since", request.lastModified());
		}
		return builder.build();
	}

	/**
	 * Printable ASCII (and tab) only: what every server reads as one header value.
	 */
	static boolean sendable(@Nullable String value) {
		return value != null && !value.isBlank() && value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7F));
	}

	private FetchFailure failure(Throwable cause, URI url) {
		if (cause instanceof BodyTooLargeException) {
			return new FetchFailure(FailureKind.TOO_LARGE, cause.getMessage());
		}
		if (cause instanceof HttpConnectTimeoutException) {
			return new FetchFailure(FailureKind.TIMEOUT, "connect timed out after " + this.settings.connectTimeout());
		}
		if (cause instanceof HttpTimeoutException) {
			return new FetchFailure(FailureKind.TIMEOUT, "no answer within " + this.settings.requestTimeout());
		}
		if (cause instanceof ConnectException) {
			return new FetchFailure(FailureKind.NETWORK, "connection refused by " + url.getHost());
		}
		if (cause instanceof UnknownHostException || cause.getCause() instanceof UnknownHostException) {
			return new FetchFailure(FailureKind.NETWORK, "unknown host " + url.getHost());
		}
		return new FetchFailure(FailureKind.NETWORK,
				cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	static @Nullable Duration maxAge(HttpHeaders headers) {
		List<String> values = headers.allValues("Cache-Control");
		if (values.isEmpty()) {
			return null;
		}
		String cacheControl = String.join(",", values);
		Matcher matcher = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
		if (!matcher.find() || cacheControl.toLowerCase(Locale.ROOT).contains("no-cache")) {
			return null;
		}
		try {
			return Duration.ofSeconds(Long.parseLong(matcher.group(1)));
		} catch (NumberFormatException ex) {
			return null;
		}
	}

	@Nullable
	Instant retryAt(@Nullable String retryAfter) {
		if (retryAfter == null || retryAfter.isBlank()) {
			return null;
		}
		String value = retryAfter.strip();
		Instant now = this.clock.instant();
		if (value.chars().allMatch(Character::isDigit)) {
			try {
				return now.plusSeconds(Math.min(Long.parseLong(value), Duration.ofDays(7).toSeconds()));
			} catch (NumberFormatException ex) {
				return null;
			}
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return at.isBefore(now) ? now : at;
		} catch (DateTimeParseException ex) {
			return null;
		}
	}

}
