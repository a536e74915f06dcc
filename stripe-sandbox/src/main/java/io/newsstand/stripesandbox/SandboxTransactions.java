package io.newsstand.stripesandbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * The sandbox store's transactions and its node-local cache. Every change is a
 * transaction that reads the objects it needs, and commits what it changed, the
 * index entries that follow and the events it emitted in one Lua script
 * ({@link SandboxCommit}), which first checks that no other change (of this
 * node or another on the same Redis) committed since the transaction began; if
 * one did, the transaction runs again on fresh data.
 * <p>
 * Within a node, changes run one at a time under a lock, while reads run beside
 * them. Objects are cached with the version they were read or written at, valid
 * for transactions at that version or later until Redis's version moves for a
 * change of another node.
 */
final class SandboxTransactions {

	private static final int MAX_ATTEMPTS = 100;

	private final StringRedisTemplate redis;

	private final SandboxCommit commits;

	private final ThreadLocal<@Nullable Tx> current = new ThreadLocal<>();

	/** Changes of this node run one at a time. */
	private final Object lock = new Object();

	/**
	 * Objects (stored JSON by id, with the version they are current from) as of one
	 * version: each local commit puts what it wrote and publishes the next version
	 * over the same map; a version moved by another node starts a new map.
	 */
	private volatile Cache cache = new Cache(-1, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());

	SandboxTransactions(StringRedisTemplate redis) {
		this.redis = redis;
		this.commits = new SandboxCommit(redis);
	}

	private record Cache(long version, Map<String, Cached> objects, Map<String, CachedIndex> indexes) {
	}

	/**
	 * An index's members (id to sequence) as of {@code version}; no members: it
	 * changed at {@code version} and is to be read from Redis.
	 */
	private record CachedIndex(@Nullable Map<String, Long> members, long version) {
	}

	/**
	 * An object's JSON as of {@code version}: a transaction at an earlier version
	 * must not use it.
	 */
	private record Cached(String json, long version) {
	}

	static final class Tx {

		final long version;

		final Cache cache;

		final Map<String, SandboxEntry> objects = new LinkedHashMap<>();

		/** Something was read from Redis rather than the cache. */
		boolean fromRedis;

		final Map<String, Map<String, Long>> loadedIndexes = new HashMap<>();

		Tx(long version, Cache cache) {
			this.version = version;
			this.cache = cache;
		}

	}

	/**
	 * Runs a read of one or more objects on a consistent state (again if the
	 * sandbox changed meanwhile), beside other reads and changes.
	 */
	<T> T read(Supplier<T> body) {
		if (this.current.get() != null) {
			return body.get();
		}
		for (int attempt = 1;; attempt++) {
			Tx tx = begin();
			try {
				T result;
				try {
					result = body.get();
				} catch (RuntimeException ex) {
					if (attempt < MAX_ATTEMPTS && !consistent(tx)) {
						continue;
					}
					throw ex;
				}
				if (consistent(tx)) {
					remember(tx);
					return result;
				}
				if (attempt >= MAX_ATTEMPTS) {
					throw busy();
				}
			} finally {
				this.current.remove();
			}
		}
	}

	/**
	 * What a read saw is one version's state: cached objects are, and what came
	 * from Redis is when the version did not move.
	 */
	private boolean consistent(Tx tx) {
		return !tx.fromRedis || version() == tx.version;
	}

	/**
	 * Runs a change and commits it with the events it emitted, atomically; runs it
	 * again (events cleared) when another node committed first. An exception leaves
	 * nothing changed.
	 */
	<T> T write(Supplier<T> body, List<Map<String, Object>> events) {
		if (this.current.get() != null) {
			throw new IllegalStateException("A sandbox change inside another one");
		}
		synchronized (this.lock) {
			for (int attempt = 1;; attempt++) {
				Tx tx = begin();
				try {
					T result;
					try {
						events.clear();
						result = body.get();
					} catch (RuntimeException ex) {
						if (attempt < MAX_ATTEMPTS && version() != tx.version) {
							continue;
						}
						throw ex;
					}
					if (commit(tx, events)) {
						return result;
					}
					if (attempt >= MAX_ATTEMPTS) {
						throw busy();
					}
				} finally {
					this.current.remove();
				}
			}
		}
	}

	private static SandboxError busy() {
		return new SandboxError(429, "invalid_request_error", "lock_timeout", null,
				"This object cannot be accessed right now because another API request or Stripe process is"
						+ " currently accessing it. Try again.");
	}

	private Tx begin() {
		long version = version();
		Cache cache = this.cache;
		if (cache.version() != version) {
			Cache fresh = new Cache(version, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
			synchronized (this) {
				// Never back to an older version than a concurrent change published.
				if (this.cache.version() < version) {
					this.cache = fresh;
				}
			}
			cache = (this.cache.version() == version) ? this.cache : fresh;
		}
		Tx tx = new Tx(version, cache);
		this.current.set(tx);
		return tx;
	}

	private long version() {
		String value = this.redis.opsForValue().get(SandboxKeys.version());
		return (value == null) ? 0 : Long.parseLong(value);
	}

	private boolean commit(Tx tx, List<Map<String, Object>> events) {
		Map<String, String> written = new HashMap<>();
		Set<String> touched = new HashSet<>();
		long version = this.commits.commit(tx.version, tx.objects, events, written, touched);
		if (version < 0) {
			return false;
		}
		if (version == tx.version) {
			// Nothing changed, but what was read must have been current.
			if (version() != tx.version) {
				return false;
			}
			remember(tx);
			return true;
		}
		synchronized (this) {
			if (this.cache == tx.cache) {
				// Only this commit lies between the two versions: the rest of the cache holds.
				written.forEach((id, json) -> tx.cache.objects().put(id, new Cached(json, version)));
				touched.forEach(index -> tx.cache.indexes().put(index, new CachedIndex(null, version)));
				this.cache = new Cache(version, tx.cache.objects(), tx.cache.indexes());
			}
		}
		return true;
	}

	/** Keeps what a consistent transaction read from Redis for the next ones. */
	private void remember(Tx tx) {
		if (!tx.fromRedis || this.cache != tx.cache) {
			return;
		}
		tx.objects.forEach((id, entry) -> {
			if (entry.stored != null) {
				tx.cache.objects().putIfAbsent(id, new Cached(entry.stored, tx.version));
			}
		});
		tx.loadedIndexes.forEach((index, members) -> tx.cache.indexes().compute(index,
				(key, old) -> (old == null || (old.members() == null && old.version() <= tx.version))
						? new CachedIndex(members, tx.version)
						: old));
	}

	Tx tx() {
		return Objects.requireNonNull(this.current.get(), "not in a sandbox transaction");
	}

	/** The transaction of this thread, if any. */
	@Nullable
	Tx active() {
		return this.current.get();
	}

	// ---- loading ----

	/** An object as the transaction sees it: its own, the cache's or Redis's. */
	SandboxEntry entry(Tx tx, String id) {
		SandboxEntry entry = tx.objects.get(id);
		if (entry == null) {
			Cached cached = tx.cache.objects().get(id);
			String stored = (cached != null && cached.version() <= tx.version) ? cached.json() : null;
			if (stored == null) {
				stored = this.redis.opsForValue().get(SandboxKeys.object(id));
				tx.fromRedis = true;
			}
			entry = (stored == null) ? new SandboxEntry(null, null, 0) : SandboxState.entry(stored, SandboxEntry::new);
			tx.objects.put(id, entry);
		}
		return entry;
	}

	/**
	 * An index's members (id to creation order) as of the transaction's version.
	 */
	Map<String, Long> indexMembers(Tx tx, String index) {
		Map<String, Long> loaded = tx.loadedIndexes.get(index);
		if (loaded != null) {
			return loaded;
		}
		CachedIndex cached = tx.cache.indexes().get(index);
		if (cached != null && cached.members() != null && cached.version() <= tx.version) {
			return cached.members();
		}
		Map<String, Long> members = new HashMap<>();
		Set<TypedTuple<String>> stored = this.redis.opsForZSet().rangeWithScores(SandboxKeys.index(index), 0, -1);
		if (stored != null) {
			for (TypedTuple<String> tuple : stored) {
				members.put(Objects.requireNonNull(tuple.getValue()),
						Objects.requireNonNull(tuple.getScore()).longValue());
			}
		}
		tx.fromRedis = true;
		tx.loadedIndexes.put(index, Map.copyOf(members));
		return members;
	}

}
