package io.github.wuproxy.app;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.wuproxy.core.location.HostAddress;
import io.github.wuproxy.core.location.NetworkLink;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.profile.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * "Remember this network as": adds a rule for the current network to a profile, in the machine's
 * copy of it (which replaces the shipped one), so a shipped file is never edited.
 */
final class RememberNetwork {
    private RememberNetwork() {}

    /** The most specific signal of this network as a {@code when} block: a gateway's MAC, else the SSID, the DNS suffix, the subnet. */
    static Optional<String> rule(NetworkLocation here) {
        for (NetworkLink link : here.links()) {
            var mac = link.gateways().stream().flatMap(g -> g.mac().stream()).findFirst();
            if (mac.isPresent()) {
                return Optional.of("{ gateway-mac = " + quote(mac.get()) + " }");
            }
        }
        for (NetworkLink link : here.links()) {
            if (link.ssid().isPresent()) {
                return Optional.of("{ ssid = " + quote(link.ssid().get()) + " }");
            }
        }
        for (NetworkLink link : here.links()) {
            if (!link.dnsSuffix().isEmpty()) {
                return Optional.of("{ dns-suffix = " + quote(link.dnsSuffix()) + " }");
            }
        }
        for (NetworkLink link : here.links()) {
            for (HostAddress address : link.addresses()) {
                if (address.address().isV4()) {
                    return Optional.of("{ subnet = " + quote(new io.github.wuproxy.core.location.Cidr(address.address(), address.prefixLength()).toString()) + " }");
                }
            }
        }
        return Optional.empty();
    }

    private static String quote(String text) {
        return new TextNode(text).toString(); // a JSON string is a HOCON quoted string
    }

    /** Appends the rule to the machine copy of {@code profile}, making the copy from its file first. Returns the file. */
    static Path remember(Profile profile, NetworkLocation here, Path machineFolder, Instant now) throws IOException {
        String rule = rule(here).orElseThrow(() -> new IOException("this network has nothing to recognise it by (offline?)"));
        Path target = machineFolder.resolve(profile.name() + ".conf");
        Files.createDirectories(machineFolder);
        if (!Files.exists(target)) {
            Path source = Path.of(profile.position().file());
            Files.writeString(target, Files.readString(source, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        Files.writeString(target, "\n# Remembered from the tray on " + now + " (" + here.describe() + ")\nwhen += " + rule + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return target;
    }
}
