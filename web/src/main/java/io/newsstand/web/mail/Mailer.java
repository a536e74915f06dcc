package io.newsstand.web.mail;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail through Spring Mail when {@code spring.mail.host} is set (Spring
 * Boot then provides a {@link JavaMailSender}), and otherwise keeps it in the
 * development outbox.
 */
@Component
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final @Nullable JavaMailSender smtp;

	private final Outbox outbox;

	private final MailSettings settings;

	private final Clock clock;

	Mailer(ObjectProvider<JavaMailSender> smtp, Outbox outbox, MailSettings settings, Clock clock) {
		this.smtp = smtp.getIfAvailable();
		this.outbox = outbox;
		this.settings = settings;
		this.clock = clock;
		if (this.smtp == null) {
			log.warn("No SMTP server configured (spring.mail.host): e-mails go to the development outbox at "
					+ "/dev/outbox (shown to this machine and to admins only). Configure SMTP in production.");
		}
	}

	/** Whether mail goes to the development outbox instead of an SMTP server. */
	public boolean usesOutbox() {
		return this.smtp == null;
	}

	/**
	 * Sends without making the caller wait for the SMTP server (a password-reset
	 * request must answer as fast for an unknown address, which gets no e-mail, as
	 * for a known one); {@code null} sends nothing. The development outbox is
	 * written at once, so that a reader (or a test) finds the e-mail right after
	 * the answer.
	 */
	public void sendInBackground(@Nullable MailMessage message) {
		if (message == null) {
			return;
		}
		if (this.smtp == null) {
			send(message);
			return;
		}
		Thread.ofVirtual().name("mail-" + message.to().hashCode()).start(() -> {
			try {
				send(message);
			} catch (RuntimeException ex) {
				log.warn("E-mail \"{}\" could not be sent: {}", message.subject(), ex.toString());
			}
		});
	}

	public void send(MailMessage message) {
		if (this.smtp == null) {
			this.outbox.store(message, this.clock.instant());
			return;
		}
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.settings.from());
		mail.setTo(message.to());
		mail.setSubject(message.subject());
		mail.setText(message.text());
		this.smtp.send(mail);
	}

}
