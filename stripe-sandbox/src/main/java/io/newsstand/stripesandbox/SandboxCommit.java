package io.newsstand.stripesandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Writes one sandbox change to Redis atomically: the objects it modified, the
 * index entries that follow from them and the events it emitted, in one Lua
 * script that first checks that the sandbox's version is still the one the
 * change began at (optimistic concurrency across nodes). Every key the script
 * touches is in {@code KEYS} and shares the {@code {stripe}} hash tag.
 */
final class SandboxCommit {

	private static final int EVENTS_KEPT_PER_TYPE = 10_000;

	private static final Duration EVENT_TTL = Duration.ofDays(30);

	/**
	 * Commits a change if the sandbox's version is still the one it began at:
	 * ARGV[1] the expected version, then operations naming their key by its index
	 * in KEYS: {@code S k json} set, {@code X k json ttl} set with expiry,
	 * {@code A k score member} add to a sorted set, {@code R k member} remove from
	 * one, {@code L k member max} push to a capped list. Answers the new version,
	 * or -1 when another change came first.
	 */
	private static final RedisScript<Long> COMMIT = RedisScript.of("""
			local current = tonumber(redis.call('GET', KEYS[1]) or '0')
			if current ~= tonumber(ARGV[1]) then return -1 end
			local i = 2
			while i <= #ARGV do
			  local op = ARGV[i]
			  local key = KEYS[tonumber(ARGV[i + 1])]
			  if op == 'S' then redis.call('SET', key, ARGV[i + 2]); i = i + 3
			  elseif op == 'X' then redis.call('SET', key, ARGV[i + 2], 'EX', ARGV[i + 3]); i = i + 4
			  elseif op == 'A' then redis.call('ZADD', key, ARGV[i + 2], ARGV[i + 3]); i = i + 4
			  elseif op == 'R' then redis.call('ZREM', key, ARGV[i + 2]); i = i + 3
			  elseif op == 'L' then
			    redis.call('RPUSH', key, ARGV[i + 2]); redis.call('LTRIM', key, -tonumber(ARGV[i + 3]), -1); i = i + 4
			  else return redis.error_reply('unknown operation ' .. op) end
			end
			return redis.call('INCR', KEYS[1])
			""", Long.class);

	private final StringRedisTemplate redis;

	SandboxCommit(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Commits a change begun at {@code version}; fills {@code written} with the
	 * JSON of each object written and {@code touchedIndexes} with the names of the
	 * indexes it changed.
	 *
	 * @return the new version; {@code version} itself when there was nothing to
	 *         write; -1 when another change committed first
	 */
	long commit(long version, Map<String, SandboxEntry> objects, List<Map<String, Object>> events,
			Map<String, String> written, Set<String> touchedIndexes) {
		Map<String, Integer> keys = new LinkedHashMap<>();
		keys.put(SandboxKeys.version(), 1);
		List<String> args = new ArrayList<>();
		args.add(Long.toString(version));
		objects.forEach((id, entry) -> {
			if (entry.object == null) {
				return;
			}
			long sequence = entry.sequence;
			String json = SandboxState.envelope(entry.object, sequence);
			if (json.equals(entry.stored)) {
				return;
			}
			op(keys, args, "S", SandboxKeys.object(id), json);
			Set<String> after = SandboxStore.indexes(entry.object);
			for (String index : entry.indexes) {
				if (!after.contains(index)) {
					op(keys, args, "R", SandboxKeys.index(index), id);
					touchedIndexes.add(index);
				}
			}
			for (String index : after) {
				if (!entry.indexes.contains(index)) {
					op(keys, args, "A", SandboxKeys.index(index), Long.toString(sequence), id);
					touchedIndexes.add(index);
				}
			}
			written.put(id, json);
		});
		for (Map<String, Object> event : events) {
			String id = (String) event.get("id");
			op(keys, args, "X", SandboxKeys.event(id), SandboxState.json(event), Long.toString(EVENT_TTL.toSeconds()));
			op(keys, args, "L", SandboxKeys.events((String) event.get("type")), id,
					Integer.toString(EVENTS_KEPT_PER_TYPE));
		}
		if (args.size() == 1) {
			return version;
		}
		Long committed = this.redis.execute(COMMIT, List.copyOf(keys.keySet()), args.toArray());
		return (committed == null) ? -1 : committed;
	}

	private static void op(Map<String, Integer> keys, List<String> args, String op, String key, String... values) {
		args.add(op);
		args.add(Integer.toString(keys.computeIfAbsent(key, k -> keys.size() + 1)));
		args.addAll(List.of(values));
	}

}
