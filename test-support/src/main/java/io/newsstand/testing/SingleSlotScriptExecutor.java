package io.newsstand.testing;

import io.lettuce.core.cluster.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.DefaultScriptExecutor;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Runs Lua scripts as Spring Data Redis does, after checking that every key the
 * script touches hashes to one Redis Cluster slot: its {@code KEYS}, and every
 * argument that is a key or a key prefix of this project (starts with
 * {@code newsstand:} or {@code billing:}, as a script that builds keys from a
 * prefix does). A standalone Redis runs a cross-slot script happily and a
 * Cluster refuses it with CROSSSLOT (or "non local key"), so tests on the
 * embedded server would never notice; with this executor they fail at once.
 * Installed on every {@code RedisTemplate} of a Spring test context by
 * {@link SingleSlotScriptsInitializer} and on the templates of
 * {@link RedisTestDatabase}.
 */
public final class SingleSlotScriptExecutor<K> extends DefaultScriptExecutor<K> {

	static final List<String> KEY_PREFIXES = List.of("newsstand:", "billing:");

	private final RedisTemplate<K, ?> template;

	public SingleSlotScriptExecutor(RedisTemplate<K, ?> template) {
		super(template);
		this.template = template;
	}

	@Override
	public <T> T execute(RedisScript<T> script, RedisSerializer<?> argsSerializer, RedisSerializer<T> resultSerializer,
			List<K> keys, Object... args) {
		check(script, keys, args);
		return super.execute(script, argsSerializer, resultSerializer, keys, args);
	}

	@Override
	public <T> T execute(RedisScript<T> script, List<K> keys, Object... args) {
		check(script, keys, args);
		return super.execute(script, keys, args);
	}

	private void check(RedisScript<?> script, List<K> keys, Object... args) {
		List<String> touched = new ArrayList<>();
		for (K key : keys) {
			touched.add(text(key));
		}
		for (Object arg : args) {
			if (arg instanceof String value && KEY_PREFIXES.stream().anyMatch(value::startsWith)) {
				touched.add(value);
			}
		}
		checkOneSlot(touched, script.getSha1());
	}

	/**
	 * Throws when the keys hash to more than one Cluster slot.
	 *
	 * @param keys
	 *            the keys of one operation
	 * @param operation
	 *            what they belong to, for the message
	 */
	public static void checkOneSlot(List<String> keys, String operation) {
		if (keys.isEmpty()) {
			return;
		}
		int slot = SlotHash.getSlot(keys.get(0));
		for (String key : keys) {
			if (SlotHash.getSlot(key) != slot) {
				throw new IllegalStateException("CROSSSLOT in " + operation + ": '" + keys.get(0) + "' is in slot "
						+ slot + " but '" + key + "' is in slot " + SlotHash.getSlot(key)
						+ "; a Redis Cluster refuses this. Give the keys one hash tag. All keys: " + keys);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private String text(K key) {
		if (key instanceof String text) {
			return text;
		}
		RedisSerializer<K> serializer = (RedisSerializer<K>) this.template.getKeySerializer();
		byte[] bytes = (serializer != null) ? serializer.serialize(key) : (byte[]) key;
		return new String(Objects.requireNonNull(bytes), StandardCharsets.ISO_8859_1);
	}

}
