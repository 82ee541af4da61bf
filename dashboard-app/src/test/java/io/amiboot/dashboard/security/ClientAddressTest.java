package io.amiboot.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** The throttle counts the connection's address, never a header by itself, and IPv6 clients by their /64. */
class ClientAddressTest {

    @Test
    void theRemoteAddressCountsNotForwardedHeaders() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/api/me").remoteAddress(new InetSocketAddress("192.0.2.7", 40000))
                .header("X-Forwarded-For", "198.51.100.1").header("Forwarded", "for=198.51.100.2").build();
        assertThat(ClientAddress.of(request)).isEqualTo("192.0.2.7");
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        MockServerHttpRequest one = MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress("2001:db8:1:2::1", 1)).build();
        MockServerHttpRequest other = MockServerHttpRequest.get("/")
                .remoteAddress(InetSocketAddress.createUnresolved("2001:db8:1:2:ffff:ffff:ffff:ffff", 1)).build();
        MockServerHttpRequest neighbour = MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress("2001:db8:1:3::1", 1)).build();
        assertThat(ClientAddress.of(one)).isEqualTo("20010db800010002/64").isEqualTo(ClientAddress.of(other));
        assertThat(ClientAddress.of(neighbour)).isEqualTo("20010db800010003/64");
    }

    @Test
    void withoutARemoteAddressAllShareOneCount() {
        assertThat(ClientAddress.of(MockServerHttpRequest.get("/").build())).isEqualTo(ClientAddress.UNKNOWN);
    }
}
