package io.newsstand.web.mail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * /dev/outbox: the e-mails the app would have sent, for development, demos and
 * scripts ({@code Accept: application/json} lists recipient, subject and
 * links). It exists only while no SMTP server is configured, and only for an
 * admin or for a client on the machine the app runs on that connects directly:
 * the outbox holds password-reset links, which would hand any account to
 * whoever could read them.
 * <p>
 * "Directly" means a loopback peer whose request carries no forwarding header
 * at all. Forwarding headers are applied to the peer address only from the
 * proxies an operator configured
 * ({@code server.tomcat.remoteip.internal-proxies}, none by default); a request
 * relayed by a proxy on this machine carries them and is refused even when they
 * say 127.0.0.1.
 */
@Controller
class OutboxController {

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private static final List<String> FORWARDING_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP",
			"X-Forwarded-Host", "X-Forwarded-Proto", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP");

	private static final DateTimeFormatter TIME = DateTimeFormatter
			.ofPattern("d MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

	private final Mailer mailer;

	private final Outbox outbox;

	private final JsonMapper json;

	OutboxController(Mailer mailer, Outbox outbox, JsonMapper json) {
		this.mailer = mailer;
		this.outbox = outbox;
		this.json = json;
	}

	/** One message as {@code Accept: application/json} lists it. */
	record OutboxJson(String to, String subject, Instant sentAt, List<String> links) {
	}

	/**
	 * One path for both: the page for browsers, and JSON for a client that asks for
	 * {@code application/json} and not for HTML (two mappings told apart by
	 * {@code produces} would hand JSON to a browser's {@code *}{@code /*}).
	 */
	@GetMapping("/dev/outbox")
	@Nullable
	String outbox(Model model, HttpServletRequest request, HttpServletResponse response) throws IOException {
		requireAccess(request);
		if (wantsJson(request.getHeader(HttpHeaders.ACCEPT))) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			this.json.writeValue(response.getOutputStream(), outboxJson());
			// Written: no view to render.
			return null;
		}
		model.addAttribute("messages", this.outbox.messages().stream().map(OutboxController::shown).toList());
		return "mail/outbox";
	}

	List<OutboxJson> outboxJson() {
		return this.outbox.messages().stream()
				.map(stored -> new OutboxJson(stored.to(), stored.subject(), stored.sentAt(), links(stored.text())))
				.toList();
	}

	static boolean wantsJson(@Nullable String accept) {
		return accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)
				&& !accept.contains(MediaType.TEXT_HTML_VALUE);
	}

	private void requireAccess(HttpServletRequest request) {
		if (!this.mailer.usesOutbox() || !(request.isUserInRole("ADMIN") || directFromThisMachine(request))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	static boolean directFromThisMachine(HttpServletRequest request) {
		for (String header : FORWARDING_HEADERS) {
			if (request.getHeader(header) != null) {
				return false;
			}
		}
		String address = request.getRemoteAddr();
		// A remote address is always a literal, so this looks nothing up.
		if (address == null || !address.matches("[0-9a-fA-F:.]+")) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		} catch (UnknownHostException ex) {
			return false;
		}
	}

	private static List<String> links(String text) {
		return LINK.matcher(text).results().map(match -> match.group()).toList();
	}

	private static OutboxMessage shown(Outbox.Stored stored) {
		return new OutboxMessage(stored.to(), stored.subject(), stored.text(), TIME.format(stored.sentAt()),
				links(stored.text()));
	}

}
