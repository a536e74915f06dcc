package io.newsstand.web.mail;

import io.newsstand.web.redis.WebKeys;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The development outbox: when no SMTP server is configured, e-mails are kept
 * here (newest first, capped) and shown at /dev/outbox.
 */
@Component
class Outbox {

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final int size;

	Outbox(StringRedisTemplate redis, JsonMapper json, MailSettings settings) {
		this.redis = redis;
		this.json = json;
		this.size = settings.outboxSize();
	}

	record Stored(String to, String subject, String text, Instant sentAt) {
	}

	void store(MailMessage message, Instant sentAt) {
		String value = this.json
				.writeValueAsString(new Stored(message.to(), message.subject(), message.text(), sentAt));
		this.redis.opsForList().leftPush(WebKeys.outbox(), value);
		this.redis.opsForList().trim(WebKeys.outbox(), 0, this.size - 1L);
	}

	List<Stored> messages() {
		List<String> values = this.redis.opsForList().range(WebKeys.outbox(), 0, this.size - 1L);
		return (values != null)
				? values.stream().map(value -> this.json.readValue(value, Stored.class)).toList()
				: List.of();
	}

}
