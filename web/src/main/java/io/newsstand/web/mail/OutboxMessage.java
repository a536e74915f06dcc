package io.newsstand.web.mail;

import java.util.List;

/**
 * One outbox message as the page shows it, with its links pulled out to be
 * clickable.
 */
public record OutboxMessage(String to, String subject, String text, String sentAt, List<String> links) {
}
