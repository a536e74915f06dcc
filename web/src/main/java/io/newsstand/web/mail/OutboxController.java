package io.newsstand.web.mail;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * /dev/outbox: the e-mails the app would have sent, for development and demos.
 * It exists only while no SMTP server is configured, and only for a browser on
 * the machine the app runs on or for an admin: the outbox holds password-reset
 * links, which would hand any account to whoever could read them.
 */
@Controller
class OutboxController {

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private static final DateTimeFormatter TIME = DateTimeFormatter
			.ofPattern("d MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

	private final Mailer mailer;

	private final Outbox outbox;

	OutboxController(Mailer mailer, Outbox outbox) {
		this.mailer = mailer;
		this.outbox = outbox;
	}

	@GetMapping("/dev/outbox")
	String outbox(Model model, HttpServletRequest request) {
		if (!this.mailer.usesOutbox() || !(fromThisMachine(request) || request.isUserInRole("ADMIN"))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("messages", this.outbox.messages().stream().map(OutboxController::shown).toList());
		return "mail/outbox";
	}

	private static boolean fromThisMachine(HttpServletRequest request) {
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

	private static OutboxMessage shown(Outbox.Stored stored) {
		Matcher links = LINK.matcher(stored.text());
		List<String> found = links.results().map(match -> match.group()).toList();
		return new OutboxMessage(stored.to(), stored.subject(), stored.text(), TIME.format(stored.sentAt()), found);
	}

}
