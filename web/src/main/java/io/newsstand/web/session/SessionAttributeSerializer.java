package io.newsstand.web.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Spring Session's serializer for session attributes: JDK serialization, as
 * Spring Session's default (sessions already in Redis stay valid), except that
 * the signed-in reader's security context, which every request of a signed-in
 * reader reads back, is deserialized once per distinct stored value instead of
 * once per request. JFR put that deserialization at a third of a member's
 * article page.
 * <p>
 * The cache is keyed by the stored bytes themselves (compared in full, not by a
 * hash), so a value is only ever what those exact bytes deserialize to: two
 * sessions share an entry only when they hold the same bytes. Each read gets a
 * context of its own around the shared {@link Authentication} (which nothing
 * changes once it is stored), so signing out, which empties the context it
 * holds, reaches no other request.
 */
final class SessionAttributeSerializer implements RedisSerializer<Object> {

	private final RedisSerializer<Object> jdk;

	private final Cache<StoredBytes, Authentication> authentications = Caffeine.newBuilder().maximumSize(10_000)
			.expireAfterAccess(Duration.ofMinutes(30)).build();

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
		Authentication known = this.authentications.getIfPresent(key);
		if (known != null) {
			return new SecurityContextImpl(known);
		}
		Object value = this.jdk.deserialize(bytes);
		if (value != null && value.getClass() == SecurityContextImpl.class
				&& ((SecurityContextImpl) value).getAuthentication() instanceof Authentication authentication) {
			// A copy: the key must not change with the caller's array.
			this.authentications.put(new StoredBytes(bytes.clone()), authentication);
		}
		return value;
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
