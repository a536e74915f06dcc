package io.newsstand.aggregator.internal.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateNetworkGuardTest {

	@ParameterizedTest
	@ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
			"0.0.0.0", "::1", "fe80::1", "fd00:ec2::254", "::ffff:10.0.0.1"})
	void privateLoopbackLinkLocalAndMetadataAddressesAreRefused(String address) throws Exception {
		assertThat(PrivateNetworkGuard.isPrivate(InetAddress.getByName(address))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = {"93.184.216.34", "151.101.1.69", "2606:4700::1111"})
	void publicAddressesAreAllowed(String address) throws Exception {
		assertThat(PrivateNetworkGuard.isPrivate(InetAddress.getByName(address))).isFalse();
	}

	@Test
	void operatorEntriesAllowAHostOrOneHostAndPort() {
		PrivateNetworkGuard guard = new PrivateNetworkGuard(List.of("localhost", "127.0.0.1:8081"));
		assertThat(guard.refusal(URI.create("http://localhost:9999/feed"))).isNull();
		assertThat(guard.refusal(URI.create("http://127.0.0.1:8081/feed"))).isNull();
		assertThat(guard.refusal(URI.create("http://127.0.0.1:8082/feed"))).contains("private address 127.0.0.1");
	}

}
