package io.newsstand.billing.internal.sandbox;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * Within a node, transactions run one at a time under this object's monitor
 * (the sandbox lock), and objects read at a version are cached until Redis's
 * version moves. It also makes new ids in Stripe's format, tells the time a
 * customer's objects live in (its test clock's, else real time) and renders
 * objects to Stripe's JSON.
 */
final class SandboxStore {

	private static final SecureRandom random = new SecureRandom();

	private static final int MAX_ATTEMPTS = 100;

	private final InstantSource clock;

	private final StringRedisTemplate redis;

	private final Renderer renderer;

	private final SandboxCommit commits;

	private final ThreadLocal<@Nullable Tx> current = new ThreadLocal<>();

	/** Objects (stored JSON by id) as of one version; guarded by this. */
	private Cache cache = new Cache(-1, new HashMap<>());

	SandboxStore(InstantSource clock, StringRedisTemplate redis, Supplier<String> pagesBase) {
		this.clock = clock;
		this.redis = redis;
		this.renderer = new Renderer(this::find, pagesBase);
		this.commits = new SandboxCommit(redis);
	}

	private record Cache(long version, Map<String, String> objects) {
	}

	/** An object as a transaction sees it. */
	static final class Entry {

		/** The JSON read from Redis; null for a new object or an absent id. */
		final @Nullable String stored;

		final @Nullable Object object;

		/** Its creation order (provisional for a new object). */
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

		final Map<String, Entry> objects = new LinkedHashMap<>();

		int created;

		Tx(long version) {
			this.version = version;
		}

	}

	// ---- transactions ----

	/**
	 * Runs a read of one or more objects on a consistent state (again if another
	 * node changed the sandbox meanwhile).
	 */
	synchronized <T> T read(Supplier<T> body) {
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
					if (attempt < MAX_ATTEMPTS && version() != tx.version) {
						continue;
					}
					throw ex;
				}
				if (version() == tx.version) {
					remember(tx, tx.version, Map.of());
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
	 * Runs a change and commits it with the events it emitted, atomically; runs it
	 * again (events cleared) when another node committed first. An exception leaves
	 * nothing changed.
	 */
	synchronized <T> T write(Supplier<T> body, List<Map<String, Object>> events) {
		if (this.current.get() != null) {
			throw new IllegalStateException("A sandbox change inside another one");
		}
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

	private static SandboxError busy() {
		return new SandboxError(429, "invalid_request_error", "lock_timeout", null,
				"This object cannot be accessed right now because another API request or Stripe process is"
						+ " currently accessing it. Try again.");
	}

	private Tx begin() {
		long version = version();
		if (this.cache.version() != version) {
			this.cache = new Cache(version, new HashMap<>());
		}
		Tx tx = new Tx(version);
		this.current.set(tx);
		return tx;
	}

	private long version() {
		String value = this.redis.opsForValue().get(SandboxKeys.version());
		return (value == null) ? 0 : Long.parseLong(value);
	}

	private boolean commit(Tx tx, List<Map<String, Object>> events) {
		Map<String, String> written = new HashMap<>();
		long version = this.commits.commit(tx.version, tx.objects, events, written);
		if (version < 0) {
			return false;
		}
		if (written.isEmpty() && events.isEmpty() && version() != tx.version) {
			// Nothing changed, but what was read must have been current.
			return false;
		}
		remember(tx, version, written);
		return true;
	}

	/**
	 * Keeps what a transaction read (valid at its version) and wrote for the next
	 * ones.
	 */
	private void remember(Tx tx, long version, Map<String, String> written) {
		if (this.cache.version() != tx.version) {
			return;
		}
		Map<String, String> objects = this.cache.objects();
		tx.objects.forEach((id, entry) -> {
			if (entry.stored != null) {
				objects.putIfAbsent(id, entry.stored);
			}
		});
		objects.putAll(written);
		this.cache = new Cache(version, objects);
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
			String stored = this.cache.objects().get(id);
			if (stored == null) {
				stored = this.redis.opsForValue().get(SandboxKeys.object(id));
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
			case Model.PortalSession p -> p.id;
			case Model.TestClock t -> t.id;
			default -> throw new IllegalArgumentException(object.getClass().getName());
		};
	}

	/** Adds a new object (inside a change). */
	void put(String id, Object object) {
		Tx tx = tx();
		tx.objects.put(id, new Entry(null, object, Long.MAX_VALUE / 2 + tx.created++));
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
			Map<String, Long> order = new HashMap<>();
			Set<TypedTuple<String>> stored = this.redis.opsForZSet().rangeWithScores(SandboxKeys.index(index), 0, -1);
			if (stored != null) {
				for (TypedTuple<String> tuple : stored) {
					order.put(Objects.requireNonNull(tuple.getValue()),
							Objects.requireNonNull(tuple.getScore()).longValue());
				}
			}
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

	/**
	 * One page of an index, newest first, as Stripe pages lists: at most
	 * {@code limit}, after the id {@code startingAfter}.
	 */
	Page page(String index, int limit, @Nullable String startingAfter, List<String> expand) {
		return read(() -> {
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
