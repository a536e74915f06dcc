package io.newsstand.testing;

import io.lettuce.core.cluster.SlotHash;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;

/**
 * A real Redis Cluster of three masters and three replicas on loopback, formed
 * the way {@code redis-cli --cluster create} forms one (which the embedded
 * binary does not ship): {@code CLUSTER ADDSLOTS} on each master,
 * {@code CLUSTER MEET} to join the nodes, {@code CLUSTER REPLICATE} to attach
 * the replicas, then a wait for {@code cluster_state:ok} on every node. Start
 * one per test class and {@link #close()} it after; it is also killed when the
 * JVM exits.
 */
public final class RedisTestCluster implements AutoCloseable {

	/**
	 * How long a master may be silent before its replica is promoted. Low, so a
	 * failover test takes seconds.
	 */
	public static final Duration NODE_TIMEOUT = Duration.ofMillis(2000);

	private static final int MASTERS = 3;

	private final List<RedisProcess> nodes;

	private final Thread shutdownHook;

	private RedisTestCluster(List<RedisProcess> nodes) {
		this.nodes = nodes;
		this.shutdownHook = new Thread(() -> nodes.forEach(RedisProcess::kill), "redis-test-cluster-stop");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/** Starts six nodes on free ports and forms the cluster. */
	public static RedisTestCluster start() {
		List<RedisProcess> nodes = new ArrayList<>();
		for (int i = 0; i < 2 * MASTERS; i++) {
			int port = RedisProcess.freeClusterPort();
			Path dir = RedisProcess.newDir("cluster-" + port);
			nodes.add(new RedisProcess(port, dir,
					List.of("--port", Integer.toString(port), "--bind", RedisProcess.HOST, "--cluster-enabled", "yes",
							"--cluster-config-file", "nodes.conf", "--cluster-node-timeout",
							Long.toString(NODE_TIMEOUT.toMillis()), "--save", "", "--appendonly", "no",
							"--protected-mode", "no")));
		}
		RedisTestCluster cluster = new RedisTestCluster(nodes);
		try {
			nodes.forEach(RedisProcess::start);
			cluster.form();
			return cluster;
		} catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	private void form() {
		int perMaster = SlotHash.SLOT_COUNT / MASTERS;
		for (int m = 0; m < MASTERS; m++) {
			int from = m * perMaster;
			int to = (m == MASTERS - 1) ? SlotHash.SLOT_COUNT - 1 : from + perMaster - 1;
			int[] slots = IntStream.rangeClosed(from, to).toArray();
			// Redis 6.2 (the embedded binary) has no ADDSLOTSRANGE.
			this.nodes.get(m).call(redis -> redis.clusterAddSlots(slots));
		}
		RedisProcess first = this.nodes.get(0);
		for (RedisProcess node : this.nodes.subList(1, this.nodes.size())) {
			node.call(redis -> redis.clusterMeet(RedisProcess.HOST, first.port()));
		}
		for (int m = 0; m < MASTERS; m++) {
			String masterId = this.nodes.get(m).call(redis -> redis.clusterMyId());
			RedisProcess replica = this.nodes.get(MASTERS + m);
			await("replica " + replica.address() + " to learn master " + masterId,
					() -> replica.call(redis -> redis.clusterNodes()).contains(masterId));
			replica.call(redis -> redis.clusterReplicate(masterId));
		}
		awaitHealthy();
	}

	/**
	 * Waits until every live node reports {@code cluster_state:ok} and every slot
	 * has a master that answers.
	 */
	public void awaitHealthy() {
		await("cluster_state:ok on every node",
				() -> this.nodes.stream().filter(RedisProcess::alive)
						.allMatch(node -> node.call(redis -> redis.clusterInfo()).contains("cluster_state:ok") && node
								.call(redis -> redis.clusterNodes()).lines()
								.filter(line -> line.contains("master") && !line.contains("fail")).count() == MASTERS));
	}

	/**
	 * Waits until every replica has copied everything its master had written when
	 * this was called: from then on, those writes survive a master's death (Redis
	 * replicates asynchronously, and promises nothing for writes not yet copied).
	 */
	public void awaitReplicated() {
		for (RedisProcess node : this.nodes) {
			if (!node.alive()) {
				continue;
			}
			String info = node.call(redis -> redis.info("replication"));
			if (!info.contains("role:master")) {
				continue;
			}
			long written = field(info, "master_repl_offset");
			await("replicas of " + node.address() + " to reach offset " + written,
					() -> node.call(redis -> redis.info("replication")).lines()
							.filter(line -> line.startsWith("slave") && line.contains("offset="))
							.allMatch(line -> Long.parseLong(line.replaceAll(".*offset=(\\d+).*", "$1")) >= written));
		}
	}

	private static long field(String info, String name) {
		return info.lines().filter(line -> line.startsWith(name + ":"))
				.mapToLong(line -> Long.parseLong(line.substring(name.length() + 1).strip())).findFirst().orElse(0);
	}

	/**
	 * The seed list Spring Boot takes in {@code spring.data.redis.cluster.nodes}.
	 */
	public String nodesProperty() {
		return this.nodes.stream().map(RedisProcess::address).collect(Collectors.joining(","));
	}

	public List<RedisProcess> nodes() {
		return List.copyOf(this.nodes);
	}

	/** The node that serves this key now (the master of its slot). */
	public RedisProcess masterOf(String key) {
		int slot = SlotHash.getSlot(key);
		RedisProcess any = this.nodes.stream().filter(RedisProcess::alive).findFirst().orElseThrow();
		for (String line : any.call(redis -> redis.clusterNodes()).lines().toList()) {
			String[] fields = line.split(" ");
			if (!fields[2].contains("master") || fields[2].contains("fail")) {
				continue;
			}
			int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
			boolean owns = Arrays.stream(fields).skip(8).anyMatch(range -> {
				String[] bounds = range.split("-");
				int low = Integer.parseInt(bounds[0]);
				int high = (bounds.length > 1) ? Integer.parseInt(bounds[1]) : low;
				return slot >= low && slot <= high;
			});
			if (owns) {
				return this.nodes.stream().filter(node -> node.port() == port).findFirst().orElseThrow();
			}
		}
		throw new IllegalStateException("No master owns slot " + slot);
	}

	/** Removes every key from every master (replicas follow). */
	public void flushAll() {
		for (RedisProcess node : this.nodes) {
			if (node.alive() && node.call(redis -> redis.info("replication")).contains("role:master")) {
				node.call(redis -> redis.flushall());
			}
		}
	}

	/** Counts of keys per master, for tests that want the data spread. */
	public Map<String, Long> keysPerMaster() {
		return this.nodes.stream().filter(RedisProcess::alive)
				.filter(node -> node.call(redis -> redis.info("replication")).contains("role:master"))
				.collect(Collectors.toMap(RedisProcess::address, node -> node.call(redis -> redis.dbsize())));
	}

	@Override
	public void close() {
		this.nodes.forEach(RedisProcess::kill);
		this.nodes.forEach(RedisProcess::deleteDir);
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		} catch (IllegalStateException ex) {
			// The JVM is exiting: the hook runs anyway.
		}
	}

	/**
	 * Waits up to 30 s; a node still starting or failing over may throw meanwhile,
	 * which only means "ask again".
	 */
	static void await(String what, BooleanSupplier condition) {
		Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(condition::getAsBoolean);
	}

}
