package org.thicket.bramble.plugin.lan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.data.api.BdfList;

class LanAddressesTest {

    private static final byte[] LINK_LOCAL_6 = {(byte) 0xfe, (byte) 0x80, 0, 0, 0, 0, 0, 0,
            0x12, 0x34, 0x56, 0x78, (byte) 0x9a, (byte) 0xbc, (byte) 0xde, (byte) 0xf0};

    @Test
    void usableAddressesAreLanAddressesAndLoopbackOnlyIfAllowed() {
        assertThat(LanAddresses.isUsable(ip(192, 168, 1, 2), false)).isTrue();
        assertThat(LanAddresses.isUsable(ip(10, 0, 0, 1), false)).isTrue();
        assertThat(LanAddresses.isUsable(ip(172, 16, 0, 1), false)).isTrue();
        assertThat(LanAddresses.isUsable(ip(169, 254, 3, 4), false)).isTrue();
        assertThat(LanAddresses.isUsable(ip(8, 8, 8, 8), false)).isFalse();
        assertThat(LanAddresses.isUsable(ip(192, 0, 2, 2), false)).isFalse();
        assertThat(LanAddresses.isUsable(LanAddresses.byAddress(LINK_LOCAL_6), false)).isTrue();
        byte[] global6 = LINK_LOCAL_6.clone();
        global6[0] = 0x20;
        global6[1] = 0x01;
        assertThat(LanAddresses.isUsable(LanAddresses.byAddress(global6), false)).isFalse();

        assertThat(LanAddresses.isUsable(ip(127, 0, 0, 1), false)).isFalse();
        assertThat(LanAddresses.isUsable(ip(127, 0, 0, 1), true)).isTrue();
        assertThat(LanAddresses.isUsable(FixedInterfaces.LOOPBACK_6.address(), false)).isFalse();
        assertThat(LanAddresses.isUsable(FixedInterfaces.LOOPBACK_6.address(), true)).isTrue();
    }

    @Test
    void sameNetworkComparesThePrefixBits() {
        LocalAddress local = new LocalAddress(ip(192, 168, 1, 130), 25);
        assertThat(local.sameNetwork(ip(192, 168, 1, 200))).isTrue();
        assertThat(local.sameNetwork(ip(192, 168, 1, 2))).isFalse();
        assertThat(local.sameNetwork(ip(192, 168, 2, 130))).isFalse();
        assertThat(new LocalAddress(ip(10, 1, 2, 3), 8).sameNetwork(ip(10, 200, 0, 1))).isTrue();
        assertThat(new LocalAddress(ip(10, 1, 2, 3), 0).sameNetwork(ip(11, 0, 0, 1))).isTrue();
        assertThat(local.sameNetwork(LanAddresses.byAddress(LINK_LOCAL_6))).isFalse();
    }

    @Test
    void writesIpPortsAndUpperCaseIpv6Hex() {
        assertThat(LanAddresses.ipPort(new InetSocketAddress(ip(192, 168, 0, 7), 40_000)))
                .isEqualTo("192.168.0.7:40000");
        assertThat(LanAddresses.ipv6Hex((Inet6Address) LanAddresses.byAddress(LINK_LOCAL_6)))
                .isEqualTo("FE80000000000000123456789ABCDEF0");
    }

    @Test
    void recentListPutsTheNewestFirstOnceAndStaysBounded() {
        assertThat(LanAddresses.addRecent(null, "10.0.0.1:5")).isEqualTo("10.0.0.1:5");
        assertThat(LanAddresses.addRecent("10.0.0.2:5,10.0.0.1:5", "10.0.0.1:5")).isEqualTo("10.0.0.1:5,10.0.0.2:5");
        assertThat(LanAddresses.addRecent("a,b,c,d", "e")).isEqualTo("e,a,b,c");
        String hex = "FE80000000000000123456789ABCDEF";
        String list = LanAddresses.addRecent(hex + "1," + hex + "2," + hex + "3", hex + "4");
        assertThat(list).isEqualTo(hex + "4," + hex + "1," + hex + "2");
        assertThat(list.length()).isLessThanOrEqualTo(100);
    }

    @Test
    void parsesOnlyLiteralEndpoints() {
        assertThat(LanAddresses.parseIpPorts("192.168.1.2:40000,junk,10.0.0.1:1"))
                .containsExactly(new InetSocketAddress(ip(192, 168, 1, 2), 40_000),
                        new InetSocketAddress(ip(10, 0, 0, 1), 1));
        for (String bad : List.of("", "localhost:80", "example.com:80", "1.2.3:80", "1.2.3.4.5:80", "256.1.1.1:80",
                "1.2.3.4", "1.2.3.4:", "1.2.3.4:0", "1.2.3.4:65536", "1.2.3.4:123456", "1.2.3.4:+80", " 1.2.3.4:80",
                "1.2.3.4:８０", "١.2.3.4:80", "0x7f.0.0.1:80", "1.2.3.4:80:80")) {
            assertThat(LanAddresses.parseIpPorts(bad)).as(bad).isEmpty();
        }
        assertThat(LanAddresses.parseIpPorts(null)).isEmpty();
        assertThat(LanAddresses.parseIpPorts("10.0.0.1:1,".repeat(9))).hasSize(LanAddresses.MAX_REMOTE_ENTRIES);
        assertThat(LanAddresses.parseIpPorts("10.0.0.1:1,".repeat(10))).as("over 100 characters").isEmpty();
    }

    @Test
    void parsesOnlyWholeIpv6Hex() {
        assertThat(LanAddresses.parseIpv6("fe80000000000000123456789abcdef0,xyz"))
                .singleElement().isEqualTo(LINK_LOCAL_6);
        for (String bad : List.of("", "FE80", "FE80000000000000123456789ABCDEF0AA", "G" + "0".repeat(31),
                "fe80::1234:5678:9abc:def0", "١" + "0".repeat(31))) {
            assertThat(LanAddresses.parseIpv6(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void parsesDescriptorsStrictly() {
        byte[] ip = {10, 0, 0, 1};
        assertThat(LanAddresses.parseDescriptor(BdfList.of(1L, ip, 40_000L)))
                .isEqualTo(new InetSocketAddress(ip(10, 0, 0, 1), 40_000));
        assertThat(LanAddresses.parseDescriptor(BdfList.of(1L, LINK_LOCAL_6, 1L)).getAddress().getAddress())
                .isEqualTo(LINK_LOCAL_6);
        assertThat(LanAddresses.parseDescriptor(BdfList.of(1L, new byte[8], 40_000L))).isNull();
        assertThat(LanAddresses.parseDescriptor(BdfList.of(1L, ip, null))).isNull();
    }

    private static InetAddress ip(int a, int b, int c, int d) {
        return LanAddresses.byAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }
}
