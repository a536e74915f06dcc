package io.newsstand.stripesandbox;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The sandbox's objects, kept in Redis one key per object as Stripe keeps them
 * durably, every change committed atomically with its events by
 * {@link SandboxTransactions}: a kill -9 loses no change that was answered, and
 * any number of nodes share one sandbox. This class finds objects and the
 * indexes that list them, makes new ids in Stripe's format, tells the time a
 * customer's objects live in (its test clock's, else real time) and renders
 * objects to Stripe's JSON.
 */
final class SandboxStore {

	private static final SecureRandom random = new SecureRandom();

	private final InstantSource clock;

	private final StringRedisTemplate redis;

	private final Renderer renderer;

	private final SandboxTransactions transactions;

	/** Creation order: time-based, so nodes agree roughly; increasing per node. */
	private final AtomicLong sequence = new AtomicLong();

	SandboxStore(InstantSource clock, StringRedisTemplate redis, Supplier<String> pagesBase) {
		this.clock = clock;
		this.redis = redis;
		this.renderer = new Renderer(this::find, pagesBase);
		this.transactions = new SandboxTransactions(redis);
	}

	// ---- transactions ----

	/**
	 * Runs a read of one or more objects on a consistent state (again if the
	 * sandbox changed meanwhile), beside other reads and changes.
	 */
	<T> T read(Supplier<T> body) {
		return this.transactions.read(body);
	}

	/**
	 * Runs a change and commits it with the events it emitted, atomically; runs it
	 * again (events cleared) when another node committed first. An exception leaves
	 * nothing changed.
	 */
	<T> T write(Supplier<T> body, List<Map<String, Object>> events) {
		return this.transactions.write(body, events);
	}

	// ---- lookup ----

	@Nullable
	Object find(String id) {
		SandboxTransactions.Tx tx = this.transactions.active();
		if (tx == null) {
			return read(() -> find(id));
		}
		return this.transactions.entry(tx, id).object;
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
		this.transactions.tx().objects.put(id,
				new SandboxEntry(null, object, this.sequence.updateAndGet(last -> Math.max(last + 1, now))));
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
			SandboxTransactions.Tx tx = this.transactions.tx();
			Map<String, Long> order = new HashMap<>(this.transactions.indexMembers(tx, index));
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
			this.transactions.tx().fromRedis = true;
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
