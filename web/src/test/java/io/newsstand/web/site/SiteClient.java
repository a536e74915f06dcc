package io.newsstand.web.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser's worth of HTTP: its own cookies, no redirect following, and the
 * CSRF token of the last page it loaded.
 */
public final class SiteClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private String lastCsrf = "";

	public SiteClient(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).followRedirects(HttpClient.Redirect.NEVER)
				.build();
	}

	public HttpResponse<String> get(String path, String... headers) {
		return getUrl(this.base + path, headers);
	}

	/** GET of a redirect's Location (absolute, or a path on this site). */
	public HttpResponse<String> getUrl(String url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(resolve(url)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return remember(send(request.build()));
	}

	/** Loads a page and posts one of its forms with the page's CSRF token. */
	public HttpResponse<String> submit(String pagePath, String action, String... fields) {
		get(pagePath);
		return post(action, withCsrf(fields));
	}

	public HttpResponse<String> post(String path, Map<String, String> fields) {
		return postUrl(this.base + path, fields);
	}

	/** POST of a form to a URL (absolute, or a path on this site). */
	public HttpResponse<String> postUrl(String url, Map<String, String> fields) {
		String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
		return remember(
				send(HttpRequest.newBuilder(resolve(url)).header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(body)).build()));
	}

	private URI resolve(String url) {
		return URI.create(this.base).resolve(url);
	}

	public HttpResponse<String> postJson(String path, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Map<String, String> withCsrf(String... fields) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", this.lastCsrf);
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.put(fields[i], fields[i + 1]);
		}
		return form;
	}

	public String csrf() {
		return this.lastCsrf;
	}

	public Optional<String> cookie(String name) {
		return this.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
				.map(HttpCookie::getValue).findFirst();
	}

	public void dropCookie(String name) {
		this.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
				.forEach(c -> this.cookies.getCookieStore().remove(null, c));
		this.cookies.getCookieStore().getURIs().forEach(uri -> this.cookies.getCookieStore().get(uri).stream()
				.filter(c -> c.getName().equals(name)).forEach(c -> this.cookies.getCookieStore().remove(uri, c)));
	}

	public void addCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.cookies.getCookieStore().add(URI.create(this.base), cookie);
	}

	/**
	 * Signs up a new reader, follows the verification link from the development
	 * outbox as the reader would, and signs in; the client is then signed in.
	 */
	public HttpResponse<String> signUp(String email, String password) {
		HttpResponse<String> signedUp = signUpOnly(email, password);
		if (signedUp.statusCode() != 302) {
			return signedUp;
		}
		return verifyAndSignIn(email, password);
	}

	/**
	 * Follows the newest verification link sent to {@code email} and signs in as
	 * the page it leads to asks, returning the sign-in's answer.
	 */
	public HttpResponse<String> verifyAndSignIn(String email, String password) {
		HttpResponse<String> verified = getUrl(latestLink(email, "Confirm your e-mail address"));
		String location = verified.headers().firstValue("Location").orElseThrow(
				() -> new IllegalStateException("The verification link answered " + verified.statusCode()));
		Matcher next = Pattern.compile("[?&]next=([^&]+)").matcher(location);
		return next.find()
				? signIn(email, password, "next", URLDecoder.decode(next.group(1), StandardCharsets.UTF_8))
				: signIn(email, password);
	}

	/** Submits the sign-up form only: the reader is not signed in. */
	public HttpResponse<String> signUpOnly(String email, String password) {
		return submit("/signup", "/signup", "email", email, "password", password);
	}

	/**
	 * The development outbox as {@code Accept: application/json} lists it, newest
	 * first: recipient ({@code to}), {@code subject}, {@code sentAt} and
	 * {@code links}.
	 */
	public List<Map<String, Object>> outbox() {
		HttpResponse<String> response = get("/dev/outbox", "Accept", "application/json");
		if (response.statusCode() != 200) {
			throw new IllegalStateException("The outbox answered " + response.statusCode());
		}
		return JSON.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() {
		});
	}

	/**
	 * The first link of the newest outbox e-mail to {@code email} whose subject
	 * starts so.
	 */
	@SuppressWarnings("unchecked")
	public String latestLink(String email, String subject) {
		String to = email.strip().toLowerCase(Locale.ROOT);
		return outbox().stream()
				.filter(message -> to.equals(message.get("to"))
						&& String.valueOf(message.get("subject")).startsWith(subject))
				.map(message -> ((List<String>) message.get("links")).get(0)).findFirst()
				.orElseThrow(() -> new IllegalStateException("No e-mail \"" + subject + "\" to " + to));
	}

	public HttpResponse<String> signIn(String email, String password, String... more) {
		String[] fields = new String[4 + more.length];
		fields[0] = "email";
		fields[1] = email;
		fields[2] = "password";
		fields[3] = password;
		System.arraycopy(more, 0, fields, 4, more.length);
		return submit("/signin", "/signin", fields);
	}

	/**
	 * Starts a membership through the sandbox's hosted checkout with a test card,
	 * as a reader does, and lands on the welcome page.
	 */
	public HttpResponse<String> startTrial(String plan, String card) {
		HttpResponse<String> checkout = submit("/membership", "/membership/checkout", "plan", plan);
		String hosted = checkout.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
				"No checkout redirect: " + checkout.statusCode() + " " + checkout.body()));
		getUrl(hosted);
		HttpResponse<String> paid = postUrl(hosted, withCsrf("cardNumber", card));
		String welcome = paid.headers().firstValue("Location")
				.orElseThrow(() -> new IllegalStateException("The sandbox did not accept the card: " + paid.body()));
		return getUrl(welcome);
	}

	private HttpResponse<String> remember(HttpResponse<String> response) {
		Matcher csrf = CSRF.matcher(response.body());
		if (csrf.find()) {
			this.lastCsrf = csrf.group(1);
		}
		return response;
	}

}
