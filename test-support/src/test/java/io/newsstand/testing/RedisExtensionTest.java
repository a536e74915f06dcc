package io.newsstand.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class RedisExtensionTest {

	@Test
	void givesARealRedisThatAnswers(StringRedisTemplate redis) {
		redis.opsForValue().set("answer", "42");
		assertThat(redis.opsForValue().get("answer")).isEqualTo("42");
		assertThat(redis.getConnectionFactory().getConnection().ping()).isEqualTo("PONG");
	}

	@Test
	void twoLeasesNeverShareADatabase() {
		RedisTestDatabase first = RedisTestServer.get().leaseDatabase();
		RedisTestDatabase second = RedisTestServer.get().leaseDatabase();
		assertThat(first.index()).isNotEqualTo(second.index());
	}

	@Test
	void keysOfOneLeaseAreInvisibleToAnother(RedisTestDatabase mine) {
		RedisTestDatabase other = RedisTestServer.get().leaseDatabase();
		var factory = other.connectionFactory();
		try {
			other.template(factory).opsForValue().set("only-in-other", "x");
		} finally {
			factory.destroy();
		}
		var myFactory = mine.connectionFactory();
		try {
			assertThat(mine.template(myFactory).hasKey("only-in-other")).isFalse();
		} finally {
			myFactory.destroy();
		}
	}

	@Test
	void aNewLeaseStartsEmpty() {
		RedisTestDatabase database = RedisTestServer.get().leaseDatabase();
		var factory = database.connectionFactory();
		try {
			assertThat(factory.getConnection().serverCommands().dbSize()).isZero();
		} finally {
			factory.destroy();
		}
	}

	@Nested
	class NestedClasses {

		@Test
		void shareTheirOuterClassDatabase(RedisTestDatabase database, StringRedisTemplate redis) {
			redis.opsForValue().set("nested", "yes");
			assertThat(database.url()).startsWith("redis://127.0.0.1:").endsWith("/" + database.index());
		}

	}

}
