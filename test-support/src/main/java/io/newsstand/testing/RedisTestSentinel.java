package io.newsstand.testing;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueListOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real Sentinel setup on loopback: one master, one replica and a number of
 * Sentinels (quorum: a majority), with short timeouts so a failover takes
 * seconds. Start one per test class and {@link #close()} it after; it is also
 * killed when the JVM exits.
 */
public final class RedisTestSentinel implements AutoCloseable {

	/** The master name the Sentinels monitor. */
	public static final String MASTER_NAME = "newsstand";

	private final RedisProcess master;

	private final RedisProcess replica;

	private final List<RedisProcess> sentinels;

	private final Thread shutdownHook;

	private RedisTestSentinel(RedisProcess master, RedisProcess replica, List<RedisProcess> sentinels) {
		this.master = master;
		this.replica = replica;
		this.sentinels = sentinels;
		this.shutdownHook = new Thread(() -> all().forEach(RedisProcess::kill), "redis-test-sentinel-stop");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/** Starts a master, its replica and {@code sentinelCount} Sentinels. */
	public static RedisTestSentinel start(int sentinelCount) {
		int masterPort = RedisProcess.freeClusterPort();
		RedisProcess master = server(masterPort, List.of());
		int replicaPort = RedisProcess.freeClusterPort();
		RedisProcess replica = server(replicaPort,
				List.of("--replicaof", RedisProcess.HOST, Integer.toString(masterPort)));
		int quorum = sentinelCount / 2 + 1;
		List<RedisProcess> sentinels = new ArrayList<>();
		for (int i = 0; i < sentinelCount; i++) {
			int port = RedisProcess.freeClusterPort();
			Path dir = RedisProcess.newDir("sentinel-" + port);
			try {
				// Sentinel rewrites its config file with what it learns, so it must be
				// writable.
				Files.writeString(dir.resolve("sentinel.conf"),
						String.join("\n", "port " + port, "bind " + RedisProcess.HOST, "protected-mode no",
								"sentinel monitor " + MASTER_NAME + " " + RedisProcess.HOST + " " + masterPort + " "
										+ quorum,
								"sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
								"sentinel failover-timeout " + MASTER_NAME + " 5000",
								"sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
			} catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			sentinels.add(new RedisProcess(port, dir, List.of("sentinel.conf", "--sentinel")));
		}
		RedisTestSentinel setup = new RedisTestSentinel(master, replica, sentinels);
		try {
			setup.all().forEach(RedisProcess::start);
			RedisTestCluster.await("the replica to sync with the master",
					() -> master.call(redis -> redis.info("replication")).contains("connected_slaves:1")
							&& replica.call(redis -> redis.info("replication")).contains("master_link_status:up"));
			RedisTestCluster.await("every Sentinel to see the replica and the other Sentinels",
					() -> sentinels.stream().allMatch(sentinel -> sentinel.call(redis -> redis.info("sentinel"))
							.contains("slaves=1,sentinels=" + sentinelCount)));
			return setup;
		} catch (RuntimeException ex) {
			setup.close();
			throw ex;
		}
	}

	private static RedisProcess server(int port, List<String> extra) {
		List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(port), "--bind", RedisProcess.HOST,
				"--save", "", "--appendonly", "no", "--protected-mode", "no"));
		arguments.addAll(extra);
		return new RedisProcess(port, RedisProcess.newDir("sentinel-data-" + port), arguments);
	}

	/** Spring Boot's {@code spring.data.redis.sentinel.nodes}. */
	public String sentinelNodesProperty() {
		return this.sentinels.stream().map(RedisProcess::address).collect(Collectors.joining(","));
	}

	/** The data node the Sentinels name as master now. */
	public RedisProcess currentMaster() {
		RedisProcess sentinel = this.sentinels.stream().filter(RedisProcess::alive).findFirst().orElseThrow();
		List<String> address = sentinel
				.call(redis -> redis.dispatch(CommandType.SENTINEL, new ValueListOutput<>(StringCodec.UTF8),
						new CommandArgs<>(StringCodec.UTF8).add("get-master-addr-by-name").add(MASTER_NAME)));
		int port = Integer.parseInt(address.get(1));
		return (port == this.master.port()) ? this.master : this.replica;
	}

	public RedisProcess master() {
		return this.master;
	}

	public RedisProcess replica() {
		return this.replica;
	}

	public List<RedisProcess> sentinels() {
		return List.copyOf(this.sentinels);
	}

	private List<RedisProcess> all() {
		List<RedisProcess> all = new ArrayList<>(List.of(this.master, this.replica));
		all.addAll(this.sentinels);
		return all;
	}

	@Override
	public void close() {
		all().forEach(RedisProcess::kill);
		all().forEach(RedisProcess::deleteDir);
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		} catch (IllegalStateException ex) {
			// The JVM is exiting: the hook runs anyway.
		}
	}

}
