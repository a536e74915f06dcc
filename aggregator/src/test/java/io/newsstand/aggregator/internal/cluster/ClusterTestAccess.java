package io.newsstand.aggregator.internal.cluster;

/**
 * Lets tests of other packages wire the package-private cluster configuration.
 */
public final class ClusterTestAccess {

	private ClusterTestAccess() {
	}

	public static Class<?> configuration() {
		return ClusterConfiguration.class;
	}

}
