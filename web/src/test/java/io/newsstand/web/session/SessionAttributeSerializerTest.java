package io.newsstand.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;

class SessionAttributeSerializerTest {

	private final SessionAttributeSerializer serializer = new SessionAttributeSerializer(getClass().getClassLoader());

	@Test
	void aStoredContextIsReadOnceAndEveryReadGetsAContextOfItsOwn() {
		byte[] stored = this.serializer.serialize(context("account-1", "ROLE_USER"));
		SecurityContext first = (SecurityContext) this.serializer.deserialize(stored);
		SecurityContext second = (SecurityContext) this.serializer.deserialize(stored.clone());
		assertThat(first).isNotSameAs(second);
		assertThat(second.getAuthentication()).as("deserialized once, then reused").isSameAs(first.getAuthentication());
		assertThat(second.getAuthentication().getName()).isEqualTo("account-1");
		assertThat(second.getAuthentication().getAuthorities()).extracting(Object::toString)
				.containsExactly("ROLE_USER");
	}

	@Test
	void signingOutInOneRequestEmptiesNoOtherRequestsContext() {
		byte[] stored = this.serializer.serialize(context("account-1", "ROLE_USER"));
		SecurityContext signingOut = (SecurityContext) this.serializer.deserialize(stored);
		signingOut.setAuthentication(null);
		SecurityContext next = (SecurityContext) this.serializer.deserialize(stored);
		assertThat(next.getAuthentication()).isNotNull();
		assertThat(next.getAuthentication().getName()).isEqualTo("account-1");
	}

	@Test
	void twoReadersNeverShareAnAuthentication() {
		byte[] reader = this.serializer.serialize(context("account-1", "ROLE_USER"));
		byte[] admin = this.serializer.serialize(context("account-2", "ROLE_ADMIN"));
		this.serializer.deserialize(reader);
		Authentication other = ((SecurityContext) this.serializer.deserialize(admin)).getAuthentication();
		assertThat(other.getName()).isEqualTo("account-2");
		assertThat(((SecurityContext) this.serializer.deserialize(reader)).getAuthentication().getName())
				.isEqualTo("account-1");
	}

	@Test
	void valuesStoredBySpringSessionsDefaultSerializerStillRead() {
		JdkSerializationRedisSerializer before = new JdkSerializationRedisSerializer(getClass().getClassLoader());
		SecurityContext read = (SecurityContext) this.serializer
				.deserialize(before.serialize(context("account-1", "ROLE_USER")));
		assertThat(read.getAuthentication().getName()).isEqualTo("account-1");
		assertThat(this.serializer.deserialize(before.serialize(1_764_000_000_000L))).isEqualTo(1_764_000_000_000L);
		assertThat(this.serializer.deserialize(before.serialize("/account"))).isEqualTo("/account");
		assertThat(this.serializer.serialize("/account")).isEqualTo(before.serialize("/account"));
	}

	@Test
	void aSessionsTimesAreReadOnceAndAreWhatWasStored() {
		byte[] lastAccess = this.serializer.serialize(1_764_000_000_000L);
		Object first = this.serializer.deserialize(lastAccess);
		assertThat(first).isEqualTo(1_764_000_000_000L);
		assertThat(this.serializer.deserialize(lastAccess.clone())).isSameAs(first);
		assertThat(this.serializer.deserialize(this.serializer.serialize(1_764_000_000_001L)))
				.isEqualTo(1_764_000_000_001L);
		assertThat(this.serializer.deserialize(this.serializer.serialize(1800))).isEqualTo(1800);
	}

	@Test
	void aMutableValueIsNeverShared() {
		byte[] stored = this.serializer.serialize(new java.util.ArrayList<>(List.of("a")));
		@SuppressWarnings("unchecked")
		List<String> first = (List<String>) this.serializer.deserialize(stored);
		first.add("changed by one request");
		assertThat(this.serializer.deserialize(stored)).isEqualTo(List.of("a")).isNotSameAs(first);
	}

	@Test
	void aRecordOfImmutableValuesIsSharedAndOneHoldingAListIsNot() {
		byte[] settings = this.serializer.serialize(new Settings("account-1", java.time.DayOfWeek.MONDAY));
		assertThat(this.serializer.deserialize(settings)).isSameAs(this.serializer.deserialize(settings));
		byte[] holdsList = this.serializer.serialize(new Holder(new java.util.ArrayList<>(List.of("a"))));
		assertThat(this.serializer.deserialize(holdsList)).isNotSameAs(this.serializer.deserialize(holdsList))
				.isEqualTo(new Holder(List.of("a")));
	}

	record Settings(String accountId, java.time.DayOfWeek day) implements java.io.Serializable {
	}

	record Holder(List<String> items) implements java.io.Serializable {
	}

	private static SecurityContext context(String accountId, String role) {
		List<SimpleGrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(role));
		User user = new User(accountId, "{noop}unused", authorities);
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
	}

}
