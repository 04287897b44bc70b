package dev.parley.api;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code Host} and {@code Origin} a write may carry: the server's own names (loopback, the bind address, and
 * on a wildcard bind the machine's addresses and host name) or configured ones ({@code parley.http.allowed.hosts}).
 * A foreign Host is DNS rebinding; a foreign Origin a page of another site posting across origins.
 */
final class RequestOrigin {

    private final Set<String> ownNames;
    private final Set<String> configuredNames;
    private final Set<String> configuredAuthorities;

    private RequestOrigin(Set<String> ownNames, Set<String> configuredNames, Set<String> configuredAuthorities) {
        this.ownNames = ownNames;
        this.configuredNames = configuredNames;
        this.configuredAuthorities = configuredAuthorities;
    }

    /**
     * @param bindHost   the address the server listens on
     * @param configured extra {@code host} (any port) or {@code host:port} entries
     */
    static RequestOrigin of(String bindHost, List<String> configured) {
        Set<String> own = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        Set<String> names = new HashSet<>();
        Set<String> authorities = new HashSet<>();
        if (isWildcard(bindHost)) {
            own.addAll(machineNames());
        } else {
            own.add(hostName(bindHost));
        }
        for (String entry : configured) {
            String value = entry.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            if (value.matches(".*:[0-9]+") && !value.endsWith("]")) {
                authorities.add(value);
            } else {
                names.add(value);
            }
        }
        return new RequestOrigin(Set.copyOf(own), Set.copyOf(names), Set.copyOf(authorities));
    }

    /** @param hostHeader the request's Host header, {@code name[:port]} */
    boolean hostAllowed(String hostHeader, int serverPort) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String value = hostHeader.strip().toLowerCase(Locale.ROOT);
        int colon = value.lastIndexOf(':');
        boolean hasPort = colon > value.lastIndexOf(']');
        String name = hasPort ? value.substring(0, colon) : value;
        String port = hasPort ? value.substring(colon + 1) : "80";
        // A name configured without a port stands for a proxy in front of Parley, which may use any port.
        return ownNames.contains(name) && port.equals(String.valueOf(serverPort))
                || configuredNames.contains(name) || configuredAuthorities.contains(name + ":" + port);
    }

    /** @param origin the request's Origin header; absent is fine (not a browser's cross-origin request) */
    boolean originAllowed(Optional<String> origin, int serverPort) {
        if (origin.isEmpty()) {
            return true;
        }
        try {
            URI uri = new URI(origin.get().strip());
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return false; // "null" (sandboxed frames, file:) and other schemes
            }
            int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
            return hostAllowed(uri.getHost() + ":" + port, serverPort);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static String hostName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
    }

    private static Set<String> machineNames() {
        Set<String> names = new HashSet<>();
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName().toLowerCase(Locale.ROOT));
            names.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (java.io.IOException e) {
            // no resolvable host name: the addresses still count
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    String text = address.getHostAddress();
                    int scope = text.indexOf('%');
                    names.add(hostName(scope < 0 ? text : text.substring(0, scope)));
                }
            }
        } catch (SocketException e) {
            // no interfaces listed: loopback and configured names only
        }
        return names;
    }
}
