package org.pointsnet.admin.cli;

import java.nio.file.Path;
import java.util.List;

import org.pointsnet.admin.channel.ConsenterEdits;
import org.pointsnet.admin.crypto.CryptoLayout;
import org.pointsnet.admin.network.Addresses;
import org.pointsnet.admin.network.RuntimeLayout;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.OrdererNodeSpec;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Turns a {@code --add-consenter}/{@code --remove-consenter} value into a consenter: an orderer of the spec by name
 * (its dial address, as configtxgen put it in the channel, and its TLS certificate from the runtime's crypto folder),
 * or an explicit {@code host:port} (whose certificate {@code --consenter-tls-cert} must name).
 */
final class ConsenterChoice {

    private final CommandLine commandLine;
    private final NetworkSpec network;
    private final RuntimeLayout runtime;

    ConsenterChoice(CommandLine commandLine, NetworkSpec network, RuntimeLayout runtime) {
        this.commandLine = commandLine;
        this.network = network;
        this.runtime = runtime;
    }

    /** The consenter address ({@code host:port}) a value names. */
    String address(String value) {
        if (value.contains(":")) {
            return explicit(value);
        }
        OrdererNodeSpec node = node(value);
        return Addresses.dial(node.host(), node.port());
    }

    /** The consenter a value names, with its TLS certificate ({@code tlsCert}, or the spec orderer's own). */
    ConsenterEdits.Consenter consenter(String value, Path tlsCert) {
        String address = address(value);
        Path cert = tlsCert;
        if (cert == null) {
            if (value.contains(":")) {
                throw new ParameterException(commandLine, "--add-consenter " + value
                    + " is not an orderer of the spec: give its TLS certificate with --consenter-tls-cert");
            }
            cert = new CryptoLayout(runtime.crypto()).ordererNode(network.ordererOrg(), node(value))
                .resolve("tls").resolve("server.crt");
        }
        int colon = address.lastIndexOf(':');
        return new ConsenterEdits.Consenter(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
            ConsenterEdits.readTlsCert(cert));
    }

    private OrdererNodeSpec node(String name) {
        List<OrdererNodeSpec> orderers = network.ordererOrg().orderers();
        return orderers.stream().filter(node -> node.name().equals(name)).findFirst()
            .orElseThrow(() -> new ParameterException(commandLine, "'" + name + "' is no orderer of the spec (known: "
                + String.join(", ", orderers.stream().map(OrdererNodeSpec::name).toList()) + ") and no host:port"));
    }

    private String explicit(String value) {
        int colon = value.lastIndexOf(':');
        String port = value.substring(colon + 1);
        boolean validPort = port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1
            && Integer.parseInt(port) <= 65_535;
        if (colon <= 0 || !validPort) {
            throw new ParameterException(commandLine, "'" + value + "' is not host:port");
        }
        return value;
    }
}
