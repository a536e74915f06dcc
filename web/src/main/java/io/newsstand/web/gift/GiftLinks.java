package io.newsstand.web.gift;

import io.newsstand.web.redis.GiftKeys;
import io.newsstand.web.security.Hashes;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Gift links in Redis. A link's record lives under its own key (found by the
 * SHA-256 of the token, so the record holds no usable secret); the giver's list
 * of working links and the month's allowance share the giver's hash tag, so
 * "check the allowance, then add the link" is one script on one slot. A link
 * opens only while it is on its giver's list: revoking it, or deleting the
 * account, takes it off.
 */
@Component
class GiftLinks {

	/**
	 * KEYS[1] allowance, KEYS[2] the giver's list; ARGV month, article field, new
	 * id, new list entry, limit, TTL seconds, now (ms). Answers {outcome, used,
	 * id}: an article gifted this month whose link still works answers its id and
	 * costs nothing.
	 */
	private static final RedisScript<List> GIVE = RedisScript.of("""
			if redis.call('HGET', KEYS[1], 'month') ~= ARGV[1] then
			  redis.call('DEL', KEYS[1])
			  redis.call('HSET', KEYS[1], 'month', ARGV[1], 'count', 0)
			end
			local used = tonumber(redis.call('HGET', KEYS[1], 'count'))
			local existing = redis.call('HGET', KEYS[1], ARGV[2])
			if existing then
			  local entry = redis.call('HGET', KEYS[2], existing)
			  if entry then
			    local expires = tonumber(string.match(entry, '^[^|]*|[^|]*|([^|]*)|'))
			    if expires and expires > tonumber(ARGV[7]) then
			      return {'existing', used, existing}
			    end
			  end
			end
			if used >= tonumber(ARGV[5]) then
			  return {'exhausted', used, ''}
			end
			redis.call('HSET', KEYS[1], 'count', used + 1, ARGV[2], ARGV[3])
			redis.call('EXPIRE', KEYS[1], tonumber(ARGV[6]))
			redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
			return {'created', used + 1, ARGV[3]}
			""", List.class);

	/** KEYS[1] the gift; ARGV field/value pairs then the expiry (epoch ms). */
	private static final RedisScript<Long> WRITE = RedisScript.of("""
			redis.call('HSET', KEYS[1], unpack(ARGV, 1, #ARGV - 1))
			redis.call('PEXPIREAT', KEYS[1], tonumber(ARGV[#ARGV]))
			return 1
			""", Long.class);

	/** KEYS[1] the gift; ARGV[1] revoked at (ms): marks it only if it exists. */
	private static final RedisScript<Long> REVOKE = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 1 then
			  return redis.call('HSET', KEYS[1], 'revoked', ARGV[1])
			end
			return 0
			""", Long.class);

	private static final Logger log = LoggerFactory.getLogger(GiftLinks.class);

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

	private final StringRedisTemplate redis;

	private final GiftProperties properties;

	private final Clock clock;

	GiftLinks(StringRedisTemplate redis, GiftProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	/** This month's gifts: how many the member may make and has made. */
	record Allowance(int limit, int used) {

		int left() {
			return Math.max(0, this.limit - this.used);
		}

	}

	/** The answer to "gift this article". */
	sealed interface Giving {
	}

	/** A link: a new one ({@code created}), or the article's link from earlier. */
	record Given(Gift gift, boolean created, Allowance allowance) implements Giving {
	}

	/** This month's gifts are all given. */
	record Exhausted(Allowance allowance) implements Giving {
	}

	/** What a link found. */
	sealed interface Lookup {
	}

	/** The link works. */
	record Valid(Gift gift) implements Lookup {
	}

	/** The link worked once: it expired, or was revoked. */
	record Gone(Gift gift, boolean revoked) implements Lookup {
	}

	/** No such link (never made, or forgotten long after it expired). */
	record Unknown() implements Lookup {
	}

	/** The public id of a token: knowing it does not give the token. */
	static String idOf(String token) {
		return Hashes.sha256(token).substring(0, 32);
	}

	Giving give(String giverAccountId, String articleId, String from) {
		// Stored in milliseconds, so handed out in milliseconds too.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String token = Hashes.newSecret();
		String id = idOf(token);
		Instant expires = now.plus(this.properties.validFor());
		// The record is written first: a link handed out always finds it. Should the
		// allowance refuse, it is deleted again, and its token was never shown.
		this.redis.execute(WRITE, List.of(GiftKeys.gift(id)), "article", articleId, "giver", giverAccountId, "from",
				from, "created", Long.toString(now.toEpochMilli()), "expires", Long.toString(expires.toEpochMilli()),
				Long.toString(expires.plus(this.properties.keepAfterExpiry()).toEpochMilli()));
		String entry = token + "|" + now.toEpochMilli() + "|" + expires.toEpochMilli() + "|" + articleId;
		List<?> answer = this.redis.execute(GIVE,
				List.of(GiftKeys.allowance(giverAccountId), GiftKeys.givenBy(giverAccountId)), month(now),
				"a:" + articleId, id, entry, Integer.toString(this.properties.perMonth()),
				Long.toString(this.properties.validFor().plusDays(31).toSeconds()), Long.toString(now.toEpochMilli()));
		if (answer == null || answer.size() < 3) {
			throw new IllegalStateException("The gift script answered " + answer);
		}
		Allowance allowance = new Allowance(this.properties.perMonth(), ((Number) answer.get(1)).intValue());
		String outcome = (String) answer.get(0);
		if ("created".equals(outcome)) {
			this.redis.opsForValue().set(GiftKeys.giverName(giverAccountId), from);
			return new Given(new Gift(id, token, articleId, giverAccountId, from, now, expires, null), true, allowance);
		}
		this.redis.delete(GiftKeys.gift(id));
		if ("exhausted".equals(outcome)) {
			return new Exhausted(allowance);
		}
		Gift earlier = find(giverAccountId, (String) answer.get(2)).orElseThrow(
				() -> new IllegalStateException("Gift " + answer.get(2) + " vanished from its giver's list"));
		return new Given(earlier, false, allowance);
	}

	Allowance allowance(String giverAccountId) {
		List<Object> fields = this.redis.opsForHash().multiGet(GiftKeys.allowance(giverAccountId),
				List.of("month", "count"));
		boolean thisMonth = month(this.clock.instant()).equals(fields.get(0));
		int used = (thisMonth && fields.get(1) != null) ? Integer.parseInt((String) fields.get(1)) : 0;
		return new Allowance(this.properties.perMonth(), used);
	}

	/** The name the member last signed a gift with, if any. */
	Optional<String> lastName(String giverAccountId) {
		return Optional.ofNullable(this.redis.opsForValue().get(GiftKeys.giverName(giverAccountId)));
	}

	/**
	 * The member's links, newest first; links long expired are forgotten here.
	 */
	List<Gift> of(String giverAccountId) {
		Instant now = this.clock.instant();
		Map<Object, Object> entries = this.redis.opsForHash().entries(GiftKeys.givenBy(giverAccountId));
		List<Gift> gifts = new ArrayList<>();
		List<Object> forgotten = new ArrayList<>();
		entries.forEach((id, entry) -> {
			Gift gift = fromEntry(giverAccountId, (String) id, (String) entry, "");
			if (gift.expiresAt().plus(this.properties.keepAfterExpiry()).isBefore(now)) {
				forgotten.add(id);
			} else {
				gifts.add(gift);
			}
		});
		if (!forgotten.isEmpty()) {
			this.redis.opsForHash().delete(GiftKeys.givenBy(giverAccountId), forgotten.toArray());
		}
		gifts.sort(Comparator.comparing(Gift::createdAt).reversed().thenComparing(Gift::id));
		return gifts;
	}

	/** One of the member's own links. */
	Optional<Gift> find(String giverAccountId, String giftId) {
		if (!ID.matcher(giftId).matches()) {
			return Optional.empty();
		}
		Object entry = this.redis.opsForHash().get(GiftKeys.givenBy(giverAccountId), giftId);
		if (entry == null) {
			return Optional.empty();
		}
		Object from = this.redis.opsForHash().get(GiftKeys.gift(giftId), "from");
		return Optional.of(fromEntry(giverAccountId, giftId, (String) entry, (from != null) ? (String) from : ""));
	}

	/**
	 * Revokes one of the member's own links; false when it is not theirs (or
	 * unknown), and then nothing changes.
	 */
	boolean revoke(String giverAccountId, String giftId) {
		if (find(giverAccountId, giftId).isEmpty()) {
			log.info("Gift {} not revoked: account {} has no such working link", giftId, giverAccountId);
			return false;
		}
		this.redis.execute(REVOKE, List.of(GiftKeys.gift(giftId)), Long.toString(this.clock.instant().toEpochMilli()));
		Long removed = this.redis.opsForHash().delete(GiftKeys.givenBy(giverAccountId), giftId);
		return removed != null && removed > 0;
	}

	/** What the link with this token opens, if anything. */
	Lookup open(String token) {
		if (!TOKEN.matcher(token).matches()) {
			return new Unknown();
		}
		String id = idOf(token);
		Map<Object, Object> record = this.redis.opsForHash().entries(GiftKeys.gift(id));
		if (record.get("article") == null || record.get("giver") == null || record.get("expires") == null) {
			return new Unknown();
		}
		String giver = (String) record.get("giver");
		Gift gift = new Gift(id, token, (String) record.get("article"), giver,
				String.valueOf(record.getOrDefault("from", "")), millis(record.get("created")),
				millis(record.get("expires")), (record.get("revoked") != null) ? millis(record.get("revoked")) : null);
		boolean listed = this.redis.opsForHash().hasKey(GiftKeys.givenBy(giver), id);
		if (gift.revokedAt() != null || !listed) {
			return new Gone(gift, true);
		}
		return gift.expired(this.clock.instant()) ? new Gone(gift, false) : new Valid(gift);
	}

	private static Gift fromEntry(String giver, String id, String entry, String from) {
		String[] parts = entry.split("\\|", 4);
		return new Gift(id, parts[0], parts[3], giver, from, millis(parts[1]), millis(parts[2]), null);
	}

	private static Instant millis(@Nullable Object value) {
		return Instant.ofEpochMilli(Long.parseLong(String.valueOf(value)));
	}

	private static String month(Instant now) {
		return YearMonth.from(now.atZone(ZoneOffset.UTC)).toString();
	}

}
