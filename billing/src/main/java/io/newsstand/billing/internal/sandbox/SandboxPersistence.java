package io.newsstand.billing.internal.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the sandbox's state in Redis ({@code sandbox:stripe:state}): loaded at
 * start-up, saved every few seconds when it changed and at shutdown, so with
 * the embedded Redis's append-only file a restart loses no simulated customer
 * or subscription.
 */
class SandboxPersistence implements DisposableBean {

	static final String KEY = "sandbox:stripe:state";

	private static final Logger log = LoggerFactory.getLogger(SandboxPersistence.class);

	private final Sandbox sandbox;

	private final StringRedisTemplate redis;

	SandboxPersistence(Sandbox sandbox, StringRedisTemplate redis) {
		this.sandbox = sandbox;
		this.redis = redis;
	}

	void load() {
		String json = this.redis.opsForValue().get(KEY);
		if (json != null) {
			this.sandbox.load(json);
			log.info("Stripe sandbox: state restored from Redis ({} KB)", json.length() / 1024);
		}
	}

	@Scheduled(fixedDelay = 5000, initialDelay = 5000)
	void save() {
		String json = this.sandbox.exportIfChanged();
		if (json != null) {
			this.redis.opsForValue().set(KEY, json);
		}
	}

	@Override
	public void destroy() {
		try {
			save();
		} catch (RuntimeException ex) {
			log.warn("Stripe sandbox: state not saved at shutdown: {}", ex.toString());
		}
	}

}
