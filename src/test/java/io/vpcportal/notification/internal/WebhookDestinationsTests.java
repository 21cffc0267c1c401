package io.vpcportal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookDestinationsTests {

    private static final WebhookDestinations DEFAULTS = new WebhookDestinations(List.of(), InetAddress::getAllByName);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "169.254.169.254", "169.254.0.1", "fe80::1",
            "fd00:ec2::254", "fc00::1", "fdff:ffff::1", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1",
            "100.64.0.1", "100.127.255.254", "224.0.0.1", "239.255.255.250", "ff02::1", "0.0.0.0", "::", "0.1.2.3",
            "255.255.255.255", "240.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1",
            "::10.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "fec0::1"})
    void internalAddressesAreRefusedByDefault(String address) throws UnknownHostException {
        assertThat(WebhookDestinations.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        assertThat(DEFAULTS.problem(address)).as(address).isPresent();
        assertThatThrownBy(() -> DEFAULTS.resolve(address)).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("destination not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1", "192.169.0.1",
            "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertThat(WebhookDestinations.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        assertThat(DEFAULTS.problem(address)).isEmpty();
        assertThat(DEFAULTS.resolve(address)).containsExactly(InetAddress.getByName(address));
    }

    @Test
    void theAllowListOpensNamedHostsAndAddressBlocksOnly() throws UnknownHostException {
        WebhookDestinations allowing = new WebhookDestinations(List.of("10.20.0.0/16", "chat.intranet", "fd12::/16",
                " 127.0.0.1 "), host -> new InetAddress[] {InetAddress.getByName(host.equals("chat.intranet")
                        ? "10.99.0.7" : host.equals("other.intranet") ? "10.99.0.8" : host)});

        assertThat(allowing.problem("10.20.3.4")).isEmpty();
        assertThat(allowing.problem("10.21.0.1")).isPresent();
        assertThat(allowing.problem("fd12::5")).isEmpty();
        assertThat(allowing.problem("fd13::5")).isPresent();
        assertThat(allowing.problem("127.0.0.1")).isEmpty();
        assertThat(allowing.problem("127.0.0.2")).isPresent();
        assertThat(allowing.problem("chat.intranet")).isEmpty();
        assertThat(allowing.problem("other.intranet")).isPresent();
        assertThat(allowing.problem("169.254.169.254")).isPresent();
    }

    @Test
    void aNameThatResolvesToAnyInternalAddressIsRefusedOnSave() {
        WebhookDestinations destinations = new WebhookDestinations(List.of(), host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1")});
        assertThat(destinations.problem("hooks.example.com")).isPresent();
    }

    @Test
    void aNameThatDoesNotResolveYetIsLeftToTheCheckAtDelivery() {
        WebhookDestinations destinations = new WebhookDestinations(List.of(), host -> {
            throw new UnknownHostException(host);
        });
        assertThat(destinations.problem("not-yet.example.com")).isEmpty();
    }

    @Test
    void aMistypedAllowListStopsTheStart() {
        assertThatThrownBy(() -> new WebhookDestinations(List.of("10.0.0.0/33"), InetAddress::getAllByName))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed-destinations");
        assertThatThrownBy(() -> new WebhookDestinations(List.of("http://x"), InetAddress::getAllByName))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed-destinations");
    }
}
