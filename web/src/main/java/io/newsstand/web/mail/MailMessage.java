package io.newsstand.web.mail;

/**
 * A plain-text e-mail to one reader.
 */
public record MailMessage(String to, String subject, String text) {
}
