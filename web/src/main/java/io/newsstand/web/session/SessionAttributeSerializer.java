package io.newsstand.web.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Spring Session's serializer for session attributes: JDK serialization, as
 * Spring Session's default (sessions already in Redis stay valid), except that
 * what every request of a signed-in reader reads back (the security context,
 * and the session's times, stored as boxed numbers) is deserialized once per
 * distinct stored value instead of once per request. JFR put that
 * deserialization at a third of a member's article page.
 * <p>
 * The cache is keyed by the stored bytes themselves (compared in full, not by a
 * hash), so a value is only ever what those exact bytes deserialize to: two
 * sessions share an entry only when they hold the same bytes. Each read gets a
 * context of its own around the shared {@link Authentication} (which nothing
 * changes once it is stored), so signing out, which empties the context it
 * holds, reaches no other request.
 */
final class SessionAttributeSerializer implements RedisSerializer<Object> {

	/** Stored bytes kept at most (a security context is about 1 KB). */
	static final long MAX_BYTES = 16 * 1024 * 1024;

	private final RedisSerializer<Object> jdk;

	/**
	 * Values by their stored bytes: an immutable value itself, or a security
	 * context's {@link Authentication} as {@link SharedContext}.
	 */
	private final Cache<StoredBytes, Object> known = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
			.<StoredBytes, Object>weigher((key, value) -> key.bytes().length).expireAfterAccess(Duration.ofMinutes(30))
			.build();

	SessionAttributeSerializer(ClassLoader classLoader) {
		this.jdk = new JdkSerializationRedisSerializer(classLoader);
	}

	@Override
	public byte @Nullable [] serialize(@Nullable Object value) {
		return this.jdk.serialize(value);
	}

	@Override
	public @Nullable Object deserialize(byte @Nullable [] bytes) {
		if (bytes == null || bytes.length == 0) {
			return this.jdk.deserialize(bytes);
		}
		StoredBytes key = new StoredBytes(bytes);
		Object known = this.known.getIfPresent(key);
		if (known != null) {
			return (known instanceof SharedContext shared) ? new SecurityContextImpl(shared.authentication()) : known;
		}
		Object value = this.jdk.deserialize(bytes);
		Object shareable = shareable(value);
		if (shareable != null) {
			// A copy: the key must not change with the caller's array.
			this.known.put(new StoredBytes(bytes.clone()), shareable);
		}
		return value;
	}

	/** What of a value can be handed to every later read, or null. */
	private static @Nullable Object shareable(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		Class<?> type = value.getClass();
		if (type == SecurityContextImpl.class) {
			Authentication authentication = ((SecurityContextImpl) value).getAuthentication();
			return (authentication != null) ? new SharedContext(authentication) : null;
		}
		return IMMUTABLE.get(type) ? value : null;
	}

	/**
	 * Types whose values nothing can change: strings, boxed numbers, times, enums,
	 * and records made only of such types (the reader's settings).
	 */
	private static final ClassValue<Boolean> IMMUTABLE = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			return immutable(type, 0);
		}
	};

	private static boolean immutable(Class<?> type, int depth) {
		if (type.isPrimitive() || type.isEnum() || type == String.class || type == Long.class || type == Integer.class
				|| type == Boolean.class || type == Instant.class || type == Duration.class) {
			return true;
		}
		if (!type.isRecord() || depth > 4) {
			return false;
		}
		for (RecordComponent component : type.getRecordComponents()) {
			if (!immutable(component.getType(), depth + 1)) {
				return false;
			}
		}
		return true;
	}

	/** A stored security context: each read gets a context of its own around it. */
	private record SharedContext(Authentication authentication) {
	}

	/** Bytes as a cache key: equal when every byte is. */
	private record StoredBytes(byte[] bytes, int hash) {

		StoredBytes(byte[] bytes) {
			this(bytes, Arrays.hashCode(bytes));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof StoredBytes that && this.hash == that.hash && Arrays.equals(this.bytes, that.bytes);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

		@Override
		public String toString() {
			return "StoredBytes[" + this.bytes.length + " bytes]";
		}

	}

}
