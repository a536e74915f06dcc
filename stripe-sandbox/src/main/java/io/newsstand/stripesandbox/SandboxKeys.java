package io.newsstand.stripesandbox;

import java.util.Locale;

/**
 * Every Redis key of the sandbox, built in one place (docs/redis.md lists
 * them). All share the hash tag {@code {stripe}}: a change commits objects,
 * indexes and events in one script, which on Redis Cluster needs one slot.
 */
final class SandboxKeys {

	private static final String PREFIX = "sandbox:{stripe}:";

	/** The state before write-through: one JSON document, imported once. */
	static final String LEGACY_STATE = "sandbox:stripe:state";

	private SandboxKeys() {
	}

	/**
	 * String counter: bumped by every committed change (optimistic concurrency).
	 */
	static String version() {
		return PREFIX + "version";
	}

	/**
	 * String: one object as JSON ({@code t} type, {@code s} sequence, {@code v}
	 * fields).
	 */
	static String object(String id) {
		return PREFIX + "obj:" + id;
	}

	/**
	 * Sorted set: object ids by sequence, for one index name (see
	 * {@link SandboxStore#indexes}).
	 */
	static String index(String name) {
		return PREFIX + "idx:" + name;
	}

	/** String: an emitted event's JSON, kept 30 days as Stripe keeps events. */
	static String event(String id) {
		return PREFIX + "event:" + id;
	}

	/**
	 * List: ids of the emitted events of one type, oldest first, the newest 10,000.
	 */
	static String events(String type) {
		return PREFIX + "events:" + type;
	}

	static String email(String email) {
		return "email:" + email.toLowerCase(Locale.ROOT);
	}

}
