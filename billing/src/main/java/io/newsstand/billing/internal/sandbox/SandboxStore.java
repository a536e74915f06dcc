package io.newsstand.billing.internal.sandbox;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The sandbox's objects in memory, by id, each with the sequence number of its
 * creation (lists are newest first): lookups that fail as Stripe's
 * {@code resource_missing}, new ids in Stripe's format, the time a customer's
 * objects live in (its test clock's, else real time), rendering to Stripe's
 * JSON, and the state as one JSON document for {@link SandboxPersistence}. Its
 * monitor is the sandbox's one lock: every change holds it (see
 * {@link SandboxEvents#change}), and so does every read of more than one
 * object.
 */
final class SandboxStore {

	private static final SecureRandom random = new SecureRandom();

	private final InstantSource clock;

	private final Map<String, Object> objects = new HashMap<>();

	private final Map<String, Long> sequence = new HashMap<>();

	private final AtomicLong counter = new AtomicLong();

	private final Renderer renderer;

	private boolean dirty;

	SandboxStore(InstantSource clock, Supplier<String> base) {
		this.clock = clock;
		this.renderer = new Renderer(this::find, base);
	}

	// ---- persistence ----

	/** The state as JSON, or null when nothing changed since the last call. */
	synchronized @Nullable String exportIfChanged() {
		if (!this.dirty) {
			return null;
		}
		this.dirty = false;
		return SandboxState.write(this.objects, this.sequence);
	}

	/** Replaces the state with an exported one (at start-up). */
	synchronized void load(String json) {
		SandboxState.read(json, (id, object, sequence) -> {
			this.objects.put(id, object);
			this.sequence.put(id, sequence);
			this.counter.accumulateAndGet(sequence, Math::max);
		});
	}

	/** Marks the state as changed since the last export (under the lock). */
	void changed() {
		this.dirty = true;
	}

	// ---- lookup ----

	synchronized @Nullable Object find(String id) {
		return this.objects.get(id);
	}

	<T> T get(Class<T> type, String kind, String id) {
		Object object = find(id);
		if (!type.isInstance(object)) {
			throw SandboxError.missing(kind, id);
		}
		return type.cast(object);
	}

	/**
	 * The objects of a type, in the map's order (the order in which changes visit
	 * them).
	 */
	synchronized <T> List<T> all(Class<T> type) {
		return this.objects.values().stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** The objects of a type that match, newest first. */
	synchronized <T> List<T> newestFirst(Class<T> type, Predicate<T> filter) {
		return this.objects.values().stream().filter(type::isInstance).map(type::cast).filter(filter)
				.sorted(Comparator.comparingLong((T object) -> -this.sequence.get(idOf(object)))).toList();
	}

	synchronized Map<String, Object> render(String id, List<String> expand) {
		Object object = this.objects.get(id);
		if (object == null) {
			throw SandboxError.missing("object", id);
		}
		return this.renderer.expand(this.renderer.render(object), expand);
	}

	/** An object in Stripe's JSON shape, ids not expanded. */
	Map<String, Object> render(Object object) {
		return this.renderer.render(object);
	}

	synchronized <T> List<Map<String, Object>> renderAll(Class<T> type, Predicate<T> filter, List<String> expand) {
		// A list's expand paths name its items as data.*.
		List<String> itemPaths = expand.stream().filter(path -> path.startsWith("data.")).map(path -> path.substring(5))
				.toList();
		return newestFirst(type, filter).stream()
				.map(object -> this.renderer.expand(this.renderer.render(object), itemPaths)).toList();
	}

	private static String idOf(Object object) {
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
			default -> throw new IllegalArgumentException();
		};
	}

	void put(String id, Object object) {
		this.objects.put(id, object);
		this.sequence.put(id, this.counter.incrementAndGet());
	}

	String newId(String prefix) {
		StringBuilder id = new StringBuilder(prefix);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		for (int i = 0; i < 24; i++) {
			id.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return id.toString();
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
		Object customer = this.objects.get(customerId);
		if (customer instanceof Model.Customer c && c.testClock != null
				&& this.objects.get(c.testClock) instanceof Model.TestClock t) {
			return t.frozenTime;
		}
		return realNow();
	}

}
