package io.vpcportal.notification.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Where webhooks may send: by default only to public addresses. Loopback, link-local (with the instance metadata
 * service at 169.254.169.254 and fd00:ec2::254), private (RFC 1918), unique-local (fc00::/7), carrier-grade NAT
 * (100.64.0.0/10), multicast, broadcast and unspecified addresses are refused, also when written as IPv4-mapped,
 * IPv4-compatible or NAT64 IPv6. An admin can otherwise make the portal probe its own network. Internal receivers
 * are allowed by name or by CIDR through {@code portal.notification.allowed-destinations}.
 * <p>
 * As the HTTP client's {@link DnsResolver}, it resolves a host once and hands the client only addresses it has
 * checked, so a name that resolves to a public address when it is saved and to an internal one when it is called
 * (DNS rebinding) is refused at delivery.
 */
public final class WebhookDestinations implements DnsResolver {

    /** Looks a host up; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    /** A host resolved, at delivery, to an address webhooks may not reach. */
    static final class DestinationNotAllowed extends UnknownHostException {

        DestinationNotAllowed(String host) {
            super("destination not allowed: " + host);
        }
    }

    private final List<String> allowedHosts = new ArrayList<>();
    private final List<Cidr> allowedNetworks = new ArrayList<>();
    private final Lookup lookup;

    public WebhookDestinations(List<String> allowed, Lookup lookup) {
        this.lookup = lookup;
        for (String entry : allowed) {
            String value = entry.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            Optional<Cidr> network = Cidr.parse(value);
            if (network.isPresent()) {
                allowedNetworks.add(network.get());
            } else if (value.matches("[a-z0-9.-]+")) {
                allowedHosts.add(value);
            } else {
                throw new IllegalArgumentException("portal.notification.allowed-destinations: '" + entry
                        + "' is neither a host name nor an address or CIDR block");
            }
        }
    }

    /**
     * Why a URL's host may not receive webhooks, checked on save: an address literal or every address the name
     * resolves to now. A name that does not resolve yet is accepted; delivery checks it again.
     */
    public Optional<String> problem(String host) {
        String name = unbracketed(host);
        try {
            for (InetAddress address : lookup.addresses(name)) {
                if (!allowed(name, address)) {
                    return Optional.of("must not point at a loopback, link-local, private, unique-local, multicast"
                            + " or unspecified address; allow internal receivers with"
                            + " portal.notification.allowed-destinations");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = unbracketed(host);
        InetAddress[] addresses = lookup.addresses(name);
        InetAddress[] checked = Arrays.stream(addresses).filter(a -> allowed(name, a)).toArray(InetAddress[]::new);
        if (checked.length == 0) {
            throw new DestinationNotAllowed(name);
        }
        return checked;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return unbracketed(host);
    }

    boolean allowed(String host, InetAddress address) {
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (allowedNetworks.stream().anyMatch(n -> n.contains(address))) {
            return true;
        }
        return isPublic(address);
    }

    /** Whether an address is one the internet could hand out, not this host's or its network's. */
    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Inet4Address embedded = embeddedIpv4(b);
            if (embedded != null) {
                return isPublic(embedded);
            }
            return !(v6.isAnyLocalAddress() || v6.isLoopbackAddress() || v6.isLinkLocalAddress()
                    || v6.isSiteLocalAddress() || v6.isMulticastAddress() || (b[0] & 0xfe) == 0xfc);
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || first == 0 // "this network"
                || first == 100 && (second & 0xc0) == 64 // carrier-grade NAT 100.64.0.0/10
                || first >= 240); // reserved and broadcast
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), -compatible (::a.b.c.d) or NAT64 address. */
    private static Inet4Address embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && (b[12] | b[13] | b[14]) != 0;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
        if (!mapped && !compatible && !nat64) {
            return null;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** An address block such as 10.1.0.0/16 or fd00::/8; a single address is a block of one. */
    record Cidr(byte[] network, int prefix) {

        static Optional<Cidr> parse(String text) {
            String[] parts = text.split("/", 2);
            if (!parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}") && !parts[0].contains(":")) {
                return Optional.empty();
            }
            try {
                byte[] address = InetAddress.getByName(unbracketed(parts[0])).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("portal.notification.allowed-destinations: bad prefix in "
                            + text);
                }
                return Optional.of(new Cidr(address, prefix));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("portal.notification.allowed-destinations: '" + text
                        + "' is not an address or CIDR block");
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
