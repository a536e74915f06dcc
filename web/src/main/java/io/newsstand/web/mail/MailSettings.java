package io.newsstand.web.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from
 *            the sender of every e-mail
 * @param outboxSize
 *            how many messages the development outbox keeps
 */
@ConfigurationProperties("newsstand.mail")
record MailSettings(@DefaultValue("Newsstand <no-reply@newsstand.invalid>") String from,
		@DefaultValue("50") int outboxSize) {
}
