package org.pointsnet.admin.network;

/** How a spec host becomes a listen address and a dial address. */
public final class Addresses {

    private Addresses() {
    }

    /**
     * The interface a server binds to: loopback for a local host, every interface for a
     * named host, so a one-machine network never listens beyond loopback.
     */
    public static String listenHost(String host) {
        if (host.equals("localhost") || host.startsWith("127.")) {
            return "127.0.0.1";
        }
        return isIpLiteral(host) ? host : "0.0.0.0";
    }

    /** The host clients dial: loopback by IP so no client tries ::1 first. */
    public static String dialHost(String host) {
        return host.equals("localhost") ? "127.0.0.1" : host;
    }

    /** Whether a listen host (as {@link #listenHost} returns it) is reachable from this machine only. */
    public static boolean isLoopback(String listenHost) {
        return listenHost.startsWith("127.") || listenHost.equals("::1") || listenHost.equals("[::1]");
    }

    public static String listen(String host, int port) {
        return listenHost(host) + ":" + port;
    }

    public static String dial(String host, int port) {
        return dialHost(host) + ":" + port;
    }

    static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }
}
