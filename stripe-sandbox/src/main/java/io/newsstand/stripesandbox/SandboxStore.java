package io.newsstand.stripesandbox;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * The sandbox's objects, kept in Redis one key per object as Stripe keeps them
 * durably: every change is a transaction that reads the objects it needs, and
 * commits what it changed, the index entries that follow and the events it
 * emitted in one Lua script, which first checks that no other change (of this
 * node or another on the same Redis) committed since the transaction began; if
 * one did, the transaction runs again on fresh data. So a kill -9 loses no
 * change that was answered, and any number of nodes share one sandbox.
 * <p>
 * Within a node, changes run one at a time under the sandbox lock, while reads
 * run beside them. Each node caches objects with the version they were read or
 * written at, valid for transactions at that version or later until Redis's
 * version moves for a change of another node. It also makes new ids in Stripe's
 * format, tells the time a customer's objects live in (its test clock's, else
 * real time) and renders objects to Stripe's JSON.
 */
final class SandboxStore {

	private static final SecureRandom random = new SecureRandom();

	private static final int MAX_ATTEMPTS = 100;

	private final InstantSource clock;

	private final StringRedisTemplate redis;

	private final Renderer renderer;

	private final SandboxCommit commits;

	private final ThreadLocal<@Nullable Tx> current = new ThreadLocal<>();

	/** Changes of this node run one at a time. */
	private final Object lock = new Object();

	/** Creation order: time-based, so nodes agree roughly; increasing per node. */
	private final AtomicLong sequence = new AtomicLong();

	/**
	 * Objects (stored JSON by id, with the version they are current from) as of one
	 * version: each local commit puts what it wrote and publishes the next version
	 * over the same map; a version moved by another node starts a new map.
	 */
	private volatile Cache cache = new Cache(-1, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());

	SandboxStore(InstantSource clock, StringRedisTemplate redis, Supplier<String> pagesBase) {
		this.clock = clock;
		this.redis = redis;
		this.renderer = new Renderer(this::find, pagesBase);
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

	/** An object as a transaction sees it. */
	static final class Entry {

		/** The JSON read from Redis; null for a new object or an absent id. */
		final @Nullable String stored;

		final @Nullable Object object;

		/** Its creation order. */
		final long sequence;

		final Set<String> indexes;

		Entry(@Nullable String stored, @Nullable Object object, long sequence) {
			this.stored = stored;
			this.object = object;
			this.sequence = sequence;
			this.indexes = (stored == null || object == null) ? Set.of() : indexes(object);
		}

		boolean isNew() {
			return this.stored == null && this.object != null;
		}

	}

	private static final class Tx {

		final long version;

		final Cache cache;

		final Map<String, Entry> objects = new LinkedHashMap<>();

		/** Something was read from Redis rather than the cache. */
		boolean fromRedis;

		final Map<String, Map<String, Long>> loadedIndexes = new HashMap<>();

		Tx(long version, Cache cache) {
			this.version = version;
			this.cache = cache;
		}

	}

	// ---- transactions ----

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

	private Tx tx() {
		return Objects.requireNonNull(this.current.get(), "not in a sandbox transaction");
	}

	// ---- lookup ----

	@Nullable
	Object find(String id) {
		Tx tx = this.current.get();
		if (tx == null) {
			return read(() -> find(id));
		}
		Entry entry = tx.objects.get(id);
		if (entry == null) {
			Cached cached = tx.cache.objects().get(id);
			String stored = (cached != null && cached.version() <= tx.version) ? cached.json() : null;
			if (stored == null) {
				stored = this.redis.opsForValue().get(SandboxKeys.object(id));
				tx.fromRedis = true;
			}
			entry = (stored == null) ? new Entry(null, null, 0) : SandboxState.entry(stored, Entry::new);
			tx.objects.put(id, entry);
		}
		return entry.object;
	}

	<T> T get(Class<T> type, String kind, String id) {
		Object object = find(id);
		if (!type.isInstance(object)) {
			throw SandboxError.missing(kind, id);
		}
		return type.cast(object);
	}

	static String idOf(Object object) {
		return switch (object) {
			case Model.Customer c -> c.id;
			case Model.Product p -> p.id;
			case Model.Price p -> p.id;
			case Model.PaymentMethod p -> p.id;
			case Model.Session s -> s.id;
			case Model.Subscription s -> s.id;
			case Model.Invoice i -> i.id;
			case Model.CreditNote n -> n.id;
			case Model.PortalSession p -> p.id;
			case Model.TestClock t -> t.id;
			default -> {
				String id = Payments.idOf(object);
				if (id == null) {
					throw new IllegalArgumentException(object.getClass().getName());
				}
				yield id;
			}
		};
	}

	/** Adds a new object (inside a change). */
	void put(String id, Object object) {
		long now = this.clock.millis() * 1000;
		tx().objects.put(id, new Entry(null, object, this.sequence.updateAndGet(last -> Math.max(last + 1, now))));
	}

	/**
	 * The indexes an object is listed in: prices; customers not deleted, also by
	 * test clock and e-mail; subscriptions by customer; invoices by customer and by
	 * subscription.
	 */
	static Set<String> indexes(Object object) {
		Set<String> indexes = new LinkedHashSet<>();
		switch (object) {
			case Model.Price p -> indexes.add("price");
			case Model.Customer c when !c.deleted -> {
				indexes.add("customer");
				if (c.testClock != null) {
					indexes.add("clock:" + c.testClock);
				}
				if (c.email != null) {
					indexes.add(SandboxKeys.email(c.email));
				}
			}
			case Model.Subscription s -> indexes.add("subscriptions:" + s.customer);
			case Model.Invoice i -> {
				indexes.add("invoices");
				indexes.add("invoices:" + i.customer);
				if (i.subscription != null) {
					indexes.add("invoices-of:" + i.subscription);
				}
			}
			default -> {
			}
		}
		return indexes;
	}

	/**
	 * The objects of an index, newest first, as this transaction sees them
	 * (including its own new and changed objects).
	 */
	<T> List<T> members(Class<T> type, String index) {
		return read(() -> {
			Tx tx = tx();
			Map<String, Long> order = new HashMap<>(indexMembers(tx, index));
			tx.objects.forEach((id, entry) -> {
				if (entry.object != null && indexes(entry.object).contains(index)) {
					order.putIfAbsent(id, entry.sequence);
				} else if (entry.object != null || entry.stored != null) {
					order.remove(id);
				}
			});
			List<T> members = new ArrayList<>();
			order.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> {
				if (find(e.getKey()) instanceof Object object && type.isInstance(object)
						&& indexes(object).contains(index)) {
					members.add(type.cast(object));
				}
			});
			return members;
		});
	}

	private Map<String, Long> indexMembers(Tx tx, String index) {
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

	/**
	 * One page of an index, newest first, as Stripe pages lists: at most
	 * {@code limit}, after the id {@code startingAfter}.
	 */
	Page page(String index, int limit, @Nullable String startingAfter, List<String> expand) {
		return read(() -> {
			tx().fromRedis = true;
			String key = SandboxKeys.index(index);
			long start = 0;
			if (startingAfter != null) {
				Long rank = this.redis.opsForZSet().reverseRank(key, startingAfter);
				if (rank == null) {
					throw SandboxError.missing("object", startingAfter);
				}
				start = rank + 1;
			}
			Set<String> ids = this.redis.opsForZSet().reverseRange(key, start, start + limit);
			List<Map<String, Object>> data = new ArrayList<>();
			List<String> list = new ArrayList<>((ids == null) ? Set.of() : ids);
			for (String id : list.subList(0, Math.min(limit, list.size()))) {
				Object object = find(id);
				if (object != null) {
					data.add(this.renderer.expand(this.renderer.render(object), itemPaths(expand)));
				}
			}
			return new Page(data, list.size() > limit);
		});
	}

	record Page(List<Map<String, Object>> data, boolean hasMore) {
	}

	Map<String, Object> render(String id, List<String> expand) {
		return read(() -> {
			Object object = find(id);
			if (object == null) {
				throw SandboxError.missing("object", id);
			}
			return this.renderer.expand(this.renderer.render(object), expand);
		});
	}

	/** An object in Stripe's JSON shape, ids not expanded. */
	Map<String, Object> render(Object object) {
		return this.renderer.render(object);
	}

	<T> List<Map<String, Object>> render(List<T> objects, Predicate<T> filter, List<String> expand) {
		return objects.stream().filter(filter)
				.map(object -> this.renderer.expand(this.renderer.render(object), itemPaths(expand))).toList();
	}

	/** A list's expand paths name its items as data.*. */
	private static List<String> itemPaths(List<String> expand) {
		return expand.stream().filter(path -> path.startsWith("data.")).map(path -> path.substring(5)).toList();
	}

	String newId(String prefix) {
		StringBuilder id = new StringBuilder(prefix);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		for (int i = 0; i < 24; i++) {
			id.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return id.toString();
	}

	// ---- events ----

	List<String> eventIds(String type) {
		List<String> ids = this.redis.opsForList().range(SandboxKeys.events(type), 0, -1);
		return (ids == null) ? List.of() : ids;
	}

	@Nullable
	Map<String, Object> event(String id) {
		String json = this.redis.opsForValue().get(SandboxKeys.event(id));
		return (json == null) ? null : SandboxState.map(json);
	}

	// ---- time ----

	long realNow() {
		return this.clock.instant().getEpochSecond();
	}

	/**
	 * The time of a customer's objects: its test clock's frozen time, or real time
	 * without one.
	 */
	long now(String customerId) {
		if (find(customerId) instanceof Model.Customer c && c.testClock != null
				&& find(c.testClock) instanceof Model.TestClock t) {
			return t.frozenTime;
		}
		return realNow();
	}

}
