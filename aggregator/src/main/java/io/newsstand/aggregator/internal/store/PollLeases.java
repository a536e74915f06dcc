package io.newsstand.aggregator.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Each feed's next poll time in a sorted set, and leases, shared by every
 * poller instance. Claiming is one Lua script: it first returns feeds whose
 * lease expired (a crashed worker's) to the schedule, then moves due feeds into
 * the lease set under this worker's name, so no feed is handed out twice.
 */
public final class PollLeases {

	private static final RedisScript<List<String>> CLAIM = script("""
			local now = tonumber(ARGV[1])
			local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
			for _, id in ipairs(expired) do
			  redis.call('ZREM', KEYS[2], id)
			  redis.call('HDEL', KEYS[3], id)
			  if redis.call('SISMEMBER', KEYS[4], id) == 0 then
			    redis.call('ZADD', KEYS[1], now, id)
			  end
			end
			local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
			for _, id in ipairs(due) do
			  redis.call('ZREM', KEYS[1], id)
			  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), id)
			  redis.call('HSET', KEYS[3], id, ARGV[4])
			end
			return due
			""", List.class);

	private static final RedisScript<Long> COMPLETE = script("""
			if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then
			  return 0
			end
			redis.call('ZREM', KEYS[2], ARGV[1])
			redis.call('HDEL', KEYS[3], ARGV[1])
			if ARGV[3] == 'disable' then
			  redis.call('SADD', KEYS[4], ARGV[1])
			  redis.call('ZREM', KEYS[1], ARGV[1])
			else
			  redis.call('ZADD', KEYS[1], tonumber(ARGV[3]), ARGV[1])
			end
			return 1
			""", Long.class);

	/**
	 * COMPLETE for a batch: ARGV[1] is the worker, then pairs of feed id and next
	 * poll time (or 'disable'). Returns the ids whose lease was lost.
	 */
	private static final RedisScript<List<String>> COMPLETE_ALL = script("""
			local lost = {}
			for i = 2, #ARGV, 2 do
			  local id = ARGV[i]
			  if redis.call('HGET', KEYS[3], id) ~= ARGV[1] then
			    lost[#lost + 1] = id
			  else
			    redis.call('ZREM', KEYS[2], id)
			    redis.call('HDEL', KEYS[3], id)
			    if ARGV[i + 1] == 'disable' then
			      redis.call('SADD', KEYS[4], id)
			      redis.call('ZREM', KEYS[1], id)
			    else
			      redis.call('ZADD', KEYS[1], tonumber(ARGV[i + 1]), id)
			    end
			  end
			end
			return lost
			""", List.class);

	private static final RedisScript<Long> SYNC = script("""
			local added = 0
			for i = 2, #ARGV do
			  local id = ARGV[i]
			  if redis.call('SISMEMBER', KEYS[4], id) == 0 and not redis.call('ZSCORE', KEYS[2], id) then
			    added = added + redis.call('ZADD', KEYS[1], 'NX', tonumber(ARGV[1]), id)
			  end
			end
			return added
			""", Long.class);

	private static final RedisScript<Long> ENABLE = script("""
			redis.call('SREM', KEYS[4], ARGV[1])
			if redis.call('ZSCORE', KEYS[2], ARGV[1]) then
			  return 0
			end
			redis.call('ZADD', KEYS[1], tonumber(ARGV[2]), ARGV[1])
			return 1
			""", Long.class);

	private static final List<String> KEYS = List.of(RedisKeys.DUE, RedisKeys.LEASES, RedisKeys.OWNERS,
			RedisKeys.DISABLED);

	private final StringRedisTemplate redis;

	private final InstantSource clock;

	public PollLeases(StringRedisTemplate redis, InstantSource clock) {
		this.redis = redis;
		this.clock = clock;
	}

	@SuppressWarnings({"unchecked", "rawtypes"})
	private static <T> RedisScript<T> script(String lua, Class type) {
		return RedisScript.of(lua, type);
	}

	/**
	 * Claims up to {@code max} due feeds for {@code worker} until {@code lease}
	 * from now.
	 */
	public List<String> claim(String worker, int max, Duration lease) {
		long now = this.clock.millis();
		List<String> due = this.redis.execute(CLAIM, KEYS, Long.toString(now), Long.toString(lease.toMillis()),
				Integer.toString(max), worker);
		return due == null ? List.of() : due;
	}

	/**
	 * Gives a claimed feed back with its next poll time. Returns false when the
	 * lease was lost (expired and claimed again), in which case nothing changes.
	 */
	public boolean complete(String worker, String feedId, Instant next) {
		Long done = this.redis.execute(COMPLETE, KEYS, feedId, worker, Long.toString(next.toEpochMilli()));
		return done != null && done == 1;
	}

	/**
	 * A claimed feed handed back: its next poll time, or {@code null} to take it
	 * off the schedule for good (410).
	 */
	public record Completion(String feedId, @Nullable Instant next) {
	}

	/**
	 * Gives a batch of claimed feeds back in one script call (every key it touches
	 * shares the {@code {poll}} hash tag).
	 *
	 * @return the feeds whose lease was lost; nothing changed for them
	 */
	public List<String> completeAll(String worker, List<Completion> completions) {
		if (completions.isEmpty()) {
			return List.of();
		}
		List<String> args = new ArrayList<>(completions.size() * 2 + 1);
		args.add(worker);
		for (Completion completion : completions) {
			args.add(completion.feedId());
			args.add(completion.next() == null ? "disable" : Long.toString(completion.next().toEpochMilli()));
		}
		List<String> lost = this.redis.execute(COMPLETE_ALL, KEYS, args.toArray());
		return lost == null ? List.of() : lost;
	}

	/** Gives a claimed feed back and takes it off the schedule for good (410). */
	public boolean disable(String worker, String feedId) {
		Long done = this.redis.execute(COMPLETE, KEYS, feedId, worker, "disable");
		return done != null && done == 1;
	}

	/**
	 * Schedules catalog feeds not yet known (not scheduled, not leased, not
	 * disabled) for an immediate poll, and takes feeds that left the catalog off
	 * the schedule.
	 *
	 * @return feeds added
	 */
	public long sync(Collection<String> feedIds) {
		List<String> args = new ArrayList<>();
		args.add(Long.toString(this.clock.millis()));
		args.addAll(feedIds);
		Long added = this.redis.execute(SYNC, KEYS, args.toArray());
		List<String> scheduled = new ArrayList<>();
		var all = this.redis.opsForZSet().range(RedisKeys.DUE, 0, -1);
		if (all != null) {
			for (String id : all) {
				if (!feedIds.contains(id)) {
					scheduled.add(id);
				}
			}
		}
		if (!scheduled.isEmpty()) {
			this.redis.opsForZSet().remove(RedisKeys.DUE, scheduled.toArray());
		}
		return added == null ? 0 : added;
	}

	public @Nullable Instant nextPoll(String feedId) {
		Double score = this.redis.opsForZSet().score(RedisKeys.DUE, feedId);
		return score == null ? null : Instant.ofEpochMilli(score.longValue());
	}

	public boolean isDisabled(String feedId) {
		return Boolean.TRUE.equals(this.redis.opsForSet().isMember(RedisKeys.DISABLED, feedId));
	}

	/**
	 * Puts a disabled feed back on the schedule, due now (operator action): one
	 * script, so no claim sees it half enabled.
	 *
	 * @return false when the feed is leased (being polled), in which case it is
	 *         only taken off the disabled set and its poller schedules it
	 */
	public boolean enable(String feedId) {
		Long scheduled = this.redis.execute(ENABLE, KEYS, feedId, Long.toString(this.clock.millis()));
		return scheduled != null && scheduled == 1;
	}

}
