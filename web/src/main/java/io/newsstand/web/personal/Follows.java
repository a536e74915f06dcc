package io.newsstand.web.personal;

import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import io.newsstand.aggregator.Topics;
import io.newsstand.web.redis.PersonalKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * What readers follow and mute, one Redis hash per reader. Other packages ask
 * {@link #muted(String)} to leave out or down-weight the publishers a reader
 * muted.
 */
@Component
public class Follows {

	/**
	 * KEYS[1] the follows hash, KEYS[2] the personal version; ARGV[1] field,
	 * ARGV[2] value, ARGV[3] the kind's field prefix, ARGV[4] the limit. Answers 1
	 * when stored, 0 when the reader already follows the limit of that kind.
	 */
	private static final RedisScript<Long> PUT = RedisScript.of("""
			if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
			  local count = 0
			  for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
			    if string.sub(field, 1, #ARGV[3]) == ARGV[3] then count = count + 1 end
			  end
			  if count >= tonumber(ARGV[4]) then return 0 end
			end
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			redis.call('INCR', KEYS[2])
			return 1
			""", Long.class);

	/** KEYS as {@link #PUT}; ARGV[1] field. Answers 1 when it was there. */
	private static final RedisScript<Long> REMOVE = RedisScript.of("""
			local removed = redis.call('HDEL', KEYS[1], ARGV[1])
			if removed == 1 then redis.call('INCR', KEYS[2]) end
			return removed
			""", Long.class);

	private static final String MUTE = "mute";

	private static final String FOLLOW = "follow";

	private final StringRedisTemplate redis;

	private final Articles articles;

	private final PersonalProperties properties;

	Follows(StringRedisTemplate redis, Articles articles, PersonalProperties properties) {
		this.redis = redis;
		this.articles = articles;
		this.properties = properties;
	}

	/** The outcome of following or muting. */
	public sealed interface Outcome {
	}

	/** Stored (or already so). */
	public record Done(Follow follow) implements Outcome {
	}

	/** The value names nothing this kind can follow; {@code message} says why. */
	public record Unknown(String message) implements Outcome {
	}

	/** The reader already follows the most of this kind. */
	public record LimitReached(String message) implements Outcome {
	}

	/** Everything the reader follows and mutes (one {@code HGETALL}). */
	public FollowSet of(String accountId) {
		return parse(this.redis.opsForHash().entries(PersonalKeys.follows(accountId)));
	}

	/**
	 * The follows and whether one article is saved, in one round trip (the article
	 * page needs both).
	 */
	FollowSet ofWithSaved(String accountId, String articleId, Map<String, Boolean> saved) {
		List<Object> results = this.redis.executePipelined((RedisCallback<Object>) connection -> {
			connection.hashCommands().hGetAll(bytes(PersonalKeys.follows(accountId)));
			connection.zSetCommands().zScore(bytes(PersonalKeys.saved(accountId)), bytes(articleId));
			return null;
		});
		saved.put(articleId, results.size() > 1 && results.get(1) != null);
		@SuppressWarnings("unchecked")
		Map<Object, Object> fields = (results.get(0) instanceof Map<?, ?> map) ? (Map<Object, Object>) map : Map.of();
		return parse(fields);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	FollowSet parse(Map<Object, Object> fields) {
		if (fields.isEmpty()) {
			return FollowSet.EMPTY;
		}
		List<Follow> all = new ArrayList<>();
		fields.forEach((rawField, rawValue) -> {
			String field = (String) rawField;
			int colon = field.indexOf(':');
			Optional<FollowKind> kind = FollowKind.parse(field.substring(0, Math.max(colon, 0)));
			if (kind.isEmpty()) {
				return;
			}
			String value = field.substring(colon + 1);
			String stored = (String) rawValue;
			all.add(switch (kind.get()) {
				case PUBLISHER -> new Follow(FollowKind.PUBLISHER, value,
						this.articles.publisher(value).map(Publisher::name).orElse(value), MUTE.equals(stored));
				case SECTION, TOPIC -> new Follow(kind.get(), value, stored, false);
			});
		});
		all.sort(Comparator.comparing(Follow::kind).thenComparing(Follow::muted)
				.thenComparing(follow -> follow.label().toLowerCase(Locale.ROOT)));
		return new FollowSet(List.copyOf(all));
	}

	/**
	 * The publisher ids the reader muted: for any list that should leave them out.
	 */
	public Set<String> muted(String accountId) {
		return of(accountId).mutedIds();
	}

	/** Follows a publisher, section or topic (a muted publisher is unmuted). */
	public Outcome follow(String accountId, FollowKind kind, String rawValue) {
		return put(accountId, kind, rawValue, false);
	}

	/** Mutes a publisher (and stops following it). */
	public Outcome mute(String accountId, String publisherId) {
		return put(accountId, FollowKind.PUBLISHER, publisherId, true);
	}

	/**
	 * Stops following (or unmutes) a value; answers false when it was not followed.
	 * Unknown values are simply not followed.
	 */
	public boolean unfollow(String accountId, FollowKind kind, String rawValue) {
		Optional<String> value = (kind == FollowKind.PUBLISHER)
				? Optional.of(rawValue.strip()).filter(id -> id.length() <= 200)
				: Topics.normalise(rawValue);
		if (value.isEmpty()) {
			return false;
		}
		Long removed = this.redis.execute(REMOVE,
				List.of(PersonalKeys.follows(accountId), PersonalKeys.version(accountId)),
				Follow.field(kind, value.get()));
		return removed != null && removed == 1;
	}

	/**
	 * Checks a value against the catalog: the publisher must exist, the section
	 * must be one a publisher lists, a topic must be a usable name.
	 */
	public Outcome resolve(FollowKind kind, String rawValue, boolean mute) {
		if (mute && kind != FollowKind.PUBLISHER) {
			return new Unknown("Only publishers can be muted.");
		}
		String raw = rawValue.strip();
		return switch (kind) {
			case PUBLISHER ->
				this.articles.publisher(raw).<Outcome>map(p -> new Done(new Follow(kind, p.id(), p.name(), mute)))
						.orElseGet(() -> new Unknown("There is no publisher with the id \"" + cut(raw) + "\"."));
			case SECTION -> Topics.normalise(raw).flatMap(this::section)
					.<Outcome>map(
							label -> new Done(new Follow(kind, Topics.normalise(label).orElseThrow(), label, false)))
					.orElseGet(() -> new Unknown("No publisher has a section called \"" + cut(raw) + "\"."));
			case TOPIC -> Topics.normalise(raw).<Outcome>map(topic -> new Done(new Follow(kind, topic, topic, false)))
					.orElseGet(() -> new Unknown("A topic is a word or a few (at most " + Topics.MAX_LENGTH
							+ " characters), with at least one letter or digit."));
		};
	}

	private Outcome put(String accountId, FollowKind kind, String rawValue, boolean mute) {
		Outcome resolved = resolve(kind, rawValue, mute);
		if (!(resolved instanceof Done done)) {
			return resolved;
		}
		Follow follow = done.follow();
		String stored = switch (kind) {
			case PUBLISHER -> mute ? MUTE : FOLLOW;
			case SECTION, TOPIC -> follow.label();
		};
		Long put = this.redis.execute(PUT, List.of(PersonalKeys.follows(accountId), PersonalKeys.version(accountId)),
				follow.field(), stored, kind.slug() + ":", Integer.toString(this.properties.maxFollowsPerKind()));
		if (put == null || put == 0) {
			return new LimitReached("You follow " + this.properties.maxFollowsPerKind() + " " + plural(kind)
					+ " already, the most there can be. Unfollow one first.");
		}
		return done;
	}

	/** The section as the catalog spells it, for a section name in normal form. */
	private Optional<String> section(String normalised) {
		for (Publisher publisher : this.articles.publishers()) {
			for (String section : publisher.sections()) {
				if (Topics.normalise(section).filter(normalised::equals).isPresent()) {
					return Optional.of(section.strip());
				}
			}
		}
		return Optional.empty();
	}

	private static String plural(FollowKind kind) {
		return switch (kind) {
			case PUBLISHER -> "publishers (followed or muted)";
			case SECTION -> "sections";
			case TOPIC -> "topics";
		};
	}

	private static String cut(String raw) {
		return (raw.length() > 60) ? raw.substring(0, 60) + "…" : raw;
	}

}
