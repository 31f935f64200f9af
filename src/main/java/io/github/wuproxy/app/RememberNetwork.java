package io.github.wuproxy.app;

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

    /**
     * The most specific signal of this network as a {@code when} block: a gateway's MAC, else the SSID, the DNS suffix, the subnet.
     * An SSID or suffix with a {@code *} in it is passed over: whoever runs the network chose it, and as a pattern it would match others.
     */
    static Optional<String> rule(NetworkLocation here) {
        for (NetworkLink link : here.links()) {
            var mac = link.gateways().stream().flatMap(g -> g.mac().stream()).findFirst();
            if (mac.isPresent()) {
                return Optional.of("{ gateway-mac = " + quote(mac.get()) + " }");
            }
        }
        for (NetworkLink link : here.links()) {
            if (link.ssid().filter(ssid -> ssid.indexOf('*') < 0).isPresent()) {
                return Optional.of("{ ssid = " + quote(link.ssid().get()) + " }");
            }
        }
        for (NetworkLink link : here.links()) {
            if (!link.dnsSuffix().isEmpty() && link.dnsSuffix().indexOf('*') < 0) {
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

    /**
     * {@code text} as one HOCON quoted string that no character can end or break: quotes and
     * backslashes escaped, control characters and line or paragraph separators as {@code \\uXXXX}.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Appends the rule to the machine copy of {@code profile}, making the copy from its file first. Returns the file. */
    static Path remember(Profile profile, NetworkLocation here, Path machineFolder, Instant now) throws IOException {
        return remember(profile, here, machineFolder, now, java.util.OptionalInt.empty());
    }

    /**
     * As {@link #remember(Profile, NetworkLocation, Path, Instant)}; with a {@code priority}, the rule carries it
     * ("kept"), and a rule for this network remembered before without one is replaced rather than repeated.
     */
    static Path remember(Profile profile, NetworkLocation here, Path machineFolder, Instant now, java.util.OptionalInt priority) throws IOException {
        String plain = rule(here).orElseThrow(() -> new IOException("this network has nothing to recognise it by (offline?)"));
        String rule = priority.isEmpty() ? plain : plain.substring(0, plain.length() - 2) + ", priority = " + priority.getAsInt() + " }";
        Path target = machineFolder.resolve(profile.name() + ".conf");
        Files.createDirectories(machineFolder);
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Path source = Path.of(profile.position().file());
            Files.writeString(target, Files.readString(source, StandardCharsets.UTF_8), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
        String earlier = "\nwhen += " + plain + "\n";
        String existing = Files.readString(target, StandardCharsets.UTF_8);
        if (existing.contains("\nwhen += " + rule + " ") || existing.contains("\nwhen += " + rule + "\n")) {
            return target; // remembered before: a second line would say the same
        }
        if (priority.isPresent() && existing.contains(earlier)) {
            int at = existing.lastIndexOf(earlier);
            String replaced = existing.substring(0, at) + "\nwhen += " + rule + " # kept on " + now + "\n" + existing.substring(at + earlier.length());
            Path temporary = machineFolder.resolve(target.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            Files.writeString(temporary, replaced, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
        String text = "\n# Remembered on " + now + (priority.isPresent() ? ", kept above the rule that won here" : "")
                + "\nwhen += " + rule + "\n"; // network data only as quoted strings
        try (var out = Files.newOutputStream(target, StandardOpenOption.APPEND, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return target;
    }
}
