package io.newsstand.web.frontpage;

import io.newsstand.web.articles.ArticleOpened;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.security.Hashes;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Counts distinct readers per article in hourly buckets. A reader is an
 * account, or an address for anonymous readers; its re-reads of one article
 * count once per read window ({@code SET NX} on a per-reader, per-article
 * marker that expires with the window), and one address adds at most
 * {@code reads-per-address-per-hour} reads an hour. Buckets expire when they
 * leave the window.
 * <p>
 * Popularity is not money, so it is counted off the request: a read is queued
 * and counted with the others of the last {@link #FLUSH} in a few pipelined
 * round trips (the markers, then the addresses that read something new, then
 * the hours' buckets), not three per view. A crash loses at most that much of
 * the ranking's input; a full queue drops reads, counted in the log.
 */
@Component
class ReadCounts implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ReadCounts.class);

	/** Articles read from one bucket: the long tail does not reach the top. */
	private static final int PER_BUCKET = 200;

	/** How often queued reads are counted. */
	static final Duration FLUSH = Duration.ofMillis(200);

	/** Reads waiting at most: past this (a Redis outage), new reads are dropped. */
	private static final int QUEUE = 100_000;

	/** Reads counted in one go at most. */
	private static final int BATCH = 5_000;

	private final StringRedisTemplate redis;

	private final FrontPageProperties properties;

	private final BlockingQueue<Read> queued = new ArrayBlockingQueue<>(QUEUE);

	private final AtomicLong dropped = new AtomicLong();

	private final ReentrantLock counting = new ReentrantLock();

	/**
	 * Reads lost since the last warning, and when that was (nanoTime); under
	 * {@link #counting}.
	 */
	private long notCounted;

	private long lastWarning;

	ReadCounts(StringRedisTemplate redis, FrontPageProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/** One view: who read, from which address, what, when. */
	record Read(String readerKey, String addressKey, String articleId, Instant at) {
	}

	@EventListener
	void opened(ArticleOpened opened) {
		if (!this.queued.offer(new Read(opened.readerKey(), opened.addressKey(), opened.articleId(), opened.at()))) {
			if (this.dropped.getAndIncrement() % 10_000 == 0) {
				log.warn("Read counts queue full ({} reads waiting): {} reads not counted so far", QUEUE,
						this.dropped.get());
			}
		}
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::flush, FLUSH);
	}

	/**
	 * Counts every read queued so far, one flush at a time: when it returns, each
	 * read queued before the call is counted (or logged as lost).
	 */
	void flush() {
		this.counting.lock();
		try {
			List<Read> batch = new ArrayList<>();
			while (this.queued.drainTo(batch, BATCH) > 0) {
				try {
					count(batch);
				} catch (RuntimeException ex) {
					lost(batch.size(), ex);
				}
				batch.clear();
			}
		} finally {
			this.counting.unlock();
		}
	}

	/**
	 * Reads Redis did not take are not retried (popularity, not money), and an
	 * outage is logged once a minute with the reads lost meanwhile, not five times
	 * a second.
	 */
	private void lost(int reads, RuntimeException ex) {
		this.notCounted += reads;
		long now = System.nanoTime();
		if (this.lastWarning == 0 || now - this.lastWarning > Duration.ofMinutes(1).toNanos()) {
			this.lastWarning = now;
			log.warn("{} reads not counted for top stories: {}", this.notCounted, ex.toString());
			this.notCounted = 0;
		}
	}

	/** Reads waiting to be counted. */
	int queued() {
		return this.queued.size();
	}

	@PreDestroy
	void close() {
		flush();
	}

	/** Counts these reads now, in three pipelined round trips at most. */
	void count(List<Read> reads) {
		Duration window = this.properties.readWindow();
		List<Object> firsts = this.redis.executePipelined((RedisCallback<Object>) connection -> {
			for (Read read : reads) {
				connection.stringCommands().set(key(WebKeys.readCounted(hash(read.readerKey(), read.articleId()))), ONE,
						Expiration.from(window), SetOption.ifAbsent());
			}
			return null;
		});
		// One network adds at most the cap per hour, however many accounts it signs in
		// or user agents it claims: new reads per address and hour, in order.
		Map<String, List<Read>> byAddress = new LinkedHashMap<>();
		for (int i = 0; i < reads.size(); i++) {
			if (Boolean.TRUE.equals(firsts.get(i))) {
				Read read = reads.get(i);
				byAddress.computeIfAbsent(WebKeys.readsFrom(read.addressKey(), hour(read.at())),
						key -> new ArrayList<>()).add(read);
			}
		}
		if (byAddress.isEmpty()) {
			return;
		}
		List<String> addresses = List.copyOf(byAddress.keySet());
		List<Object> totals = this.redis.executePipelined((RedisCallback<Object>) connection -> {
			for (String address : addresses) {
				connection.scriptingCommands().eval(ADD_FOR_THE_HOUR, ReturnType.INTEGER, 1, key(address),
						key(Integer.toString(byAddress.get(address).size())), key(Long.toString(3_600_000)));
			}
			return null;
		});
		Map<Long, List<String>> byHour = new LinkedHashMap<>();
		int cap = this.properties.readsPerAddressPerHour();
		for (int i = 0; i < addresses.size(); i++) {
			List<Read> added = byAddress.get(addresses.get(i));
			long before = ((Number) totals.get(i)).longValue() - added.size();
			long allowed = Math.max(0, Math.min(added.size(), cap - before));
			for (Read read : added.subList(0, (int) allowed)) {
				byHour.computeIfAbsent(hour(read.at()), hour -> new ArrayList<>()).add(read.articleId());
			}
		}
		// The bucket lives as long as its last hour is inside the window.
		byte[] ttl = key(Long.toString(window.plusHours(1).toSeconds()));
		this.redis.executePipelined((RedisCallback<Object>) connection -> {
			byHour.forEach((hour, articles) -> {
				byte[][] keysAndArgs = new byte[articles.size() + 2][];
				keysAndArgs[0] = key(WebKeys.readsInHour(hour));
				keysAndArgs[1] = ttl;
				for (int i = 0; i < articles.size(); i++) {
					keysAndArgs[i + 2] = key(articles.get(i));
				}
				connection.scriptingCommands().eval(INCREMENT, ReturnType.INTEGER, 1, keysAndArgs);
			});
			return null;
		});
	}

	/**
	 * Adds ARGV[1] to the counter, giving it ARGV[2] ms to live when it has no
	 * expiry.
	 */
	private static final byte[] ADD_FOR_THE_HOUR = key("""
			local count = redis.call('INCRBY', KEYS[1], ARGV[1])
			if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			return count
			""");

	/**
	 * One read for each article in ARGV[2...]; the bucket lives ARGV[1] seconds.
	 */
	private static final byte[] INCREMENT = key("""
			for i = 2, #ARGV do redis.call('ZINCRBY', KEYS[1], 1, ARGV[i]) end
			redis.call('EXPIRE', KEYS[1], ARGV[1])
			return 1
			""");

	private static final byte[] ONE = key("1");

	private static byte[] key(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static long hour(Instant at) {
		return at.getEpochSecond() / 3600;
	}

	/**
	 * Distinct reads per article over the window, each weighted by its age (a read
	 * one half-life old counts half).
	 */
	Map<String, Double> weighted(Instant now) {
		long hour = now.getEpochSecond() / 3600;
		int hours = (int) this.properties.readWindow().toHours();
		List<Object> buckets = this.redis.executePipelined(new SessionCallback<Object>() {
			@Override
			@SuppressWarnings({"unchecked", "rawtypes"})
			public Object execute(RedisOperations operations) {
				for (int i = 0; i < hours; i++) {
					operations.opsForZSet().reverseRangeWithScores(WebKeys.readsInHour(hour - i), 0, PER_BUCKET - 1);
				}
				return null;
			}
		});
		double halfLifeSeconds = this.properties.readHalfLife().toSeconds();
		Map<String, Double> weighted = new HashMap<>();
		for (int i = 0; i < buckets.size(); i++) {
			// A bucket's reads are taken at the middle of its hour (now's bucket: half
			// of the time passed so far).
			long middle = (hour - i) * 3600 + 1800;
			double age = Math.max(0, now.getEpochSecond() - middle);
			double weight = Math.pow(2, -age / halfLifeSeconds);
			if (buckets.get(i) instanceof Set<?> tuples) {
				for (Object tuple : tuples) {
					if (tuple instanceof TypedTuple<?> typed && typed.getValue() != null && typed.getScore() != null) {
						weighted.merge(String.valueOf(typed.getValue()), typed.getScore() * weight, Double::sum);
					}
				}
			}
		}
		return weighted;
	}

	private static String hash(String readerKey, String articleId) {
		return Hashes.sha256(readerKey + "|" + articleId).substring(0, 32);
	}

}
