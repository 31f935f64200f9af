package io.github.wuproxy.core.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every place a proxy for Windows Update can come from, side by side, and the mismatches between
 * them that break something.
 *
 * @param winHttp what 64-bit programs, Windows Update's scans among them, use; empty when unreadable
 * @param winHttp32 the 32-bit programs' copy (WOW6432Node), when the machine has one
 * @param bits the BITS service accounts' proxy when they all agree; empty when they differ or are unknown
 * @param desired what the profile in force wants here, when it could be worked out
 * @param userProxyFallback policy SetProxyBehaviorForUpdateDetection = 1
 * @param wsusServer the WSUS server scans go to, when one is configured
 */
public record ProxyViews(
        Optional<UpdateProxy> winHttp,
        Optional<Optional<UpdateProxy>> winHttp32,
        Optional<UpdateProxy> bits,
        Map<String, String> bitsRaw,
        Optional<UserProxySettings> user,
        Optional<UpdateProxy> desired,
        String profile,
        boolean userProxyFallback,
        Optional<String> wsusServer) {

    /** One mismatch: what differs, what it breaks, and whether that is Windows Update's scans, its downloads or neither. */
    public record Mismatch(String what, String breaks, Affects affects) {
        public String describe() {
            return what + ": " + breaks;
        }
    }

    /** Which part of Windows Update a mismatch can break: scans use WinHTTP, downloads (Delivery Optimization, BITS) the user's or BITS' proxy. */
    public enum Affects {
        SCANS("scans"),
        DOWNLOADS("downloads"),
        OTHER_PROGRAMS("other programs, not Windows Update");

        private final String word;

        Affects(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public ProxyViews {
        bitsRaw = Map.copyOf(bitsRaw);
    }

    public List<Mismatch> mismatches() {
        List<Mismatch> found = new ArrayList<>();
        String scans = winHttp.map(UpdateProxy::describe).orElse("a WinHTTP value wuproxy cannot read");
        desired.filter(d -> !winHttp.equals(Optional.of(d))).ifPresent(d -> found.add(new Mismatch(
                "scans use " + scans + " but profile " + profile + " wants " + d.describe(),
                "scans are likely to fail (0x80072EFD, 0x8024402C) until the proxy is synced: run `wuproxy sync`", Affects.SCANS)));
        winHttp32.ifPresent(copy -> {
            if (!copy.equals(winHttp)) {
                found.add(new Mismatch("64-bit programs use " + scans + " but 32-bit programs use "
                        + copy.map(UpdateProxy::describe).orElse("a value wuproxy cannot read"),
                        "32-bit updaters and tools see another proxy than Windows Update; the next wuproxy write aligns them",
                        Affects.OTHER_PROGRAMS));
            }
        });
        if (bitsRaw.isEmpty()) {
            // not known: BITS is read only by an administrator
        } else if (bits.isEmpty()) {
            found.add(new Mismatch("the BITS service accounts disagree: " + bitsRaw,
                    "downloads depend on which account runs them; set bits = true in the profile so wuproxy sets all three", Affects.DOWNLOADS));
        } else if (!bits.equals(winHttp)) {
            found.add(new Mismatch("scans use " + scans + " but BITS downloads use " + bits.get().describe(),
                    "updates may be found but fail to download (0x80190197 behind a proxy, 0x80072EFD without one)", Affects.DOWNLOADS));
        }
        user.ifPresent(u -> {
            if (u.pacUrl().isPresent() || u.autoDetect()) {
                String how = u.pacUrl().map(url -> "the setup script " + PacUrls.safe(url)).orElse("automatic detection (WPAD)");
                if (winHttp.filter(p -> p instanceof UpdateProxy.Direct).isPresent() || winHttp.isEmpty()) {
                    found.add(new Mismatch("scans use " + scans + " but your own settings use " + how,
                            "Delivery Optimization downloads may go through your script's proxy while scans go direct", Affects.DOWNLOADS));
                }
            }
        });
        if (userProxyFallback) {
            found.add(new Mismatch("policy SetProxyBehaviorForUpdateDetection = 1: scans fall back to "
                    + user.map(UserProxySettings::describe).orElse("the signed-in user's proxy") + " when " + scans + " fails",
                    "a failing machine proxy is hidden while a user is signed in, and scans fail when nobody is", Affects.SCANS));
        }
        wsusServer.ifPresent(server -> {
            String host = host(server);
            if (winHttp.orElse(null) instanceof UpdateProxy.Fixed fixed && !bypasses(fixed.bypass(), host)) {
                found.add(new Mismatch("scans go to the WSUS server " + host + " through " + fixed.describe(),
                        "an internal WSUS server is usually reached directly: add " + host + " to the profile's bypass list", Affects.SCANS));
            }
        });
        return found;
    }

    static String host(String url) {
        String rest = url.contains("://") ? url.substring(url.indexOf("://") + 3) : url;
        int end = rest.length();
        for (char c : new char[] {'/', ':', '?'}) {
            int at = rest.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return rest.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** WinHTTP's bypass matching, simplified: exact names, {@code *.suffix} wildcards, and {@code <local>} for dotless names. */
    static boolean bypasses(String bypass, String host) {
        for (String entry : bypass.split(";")) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.equals(host) || (e.equals("<local>") && !host.contains("."))
                    || (e.startsWith("*") && host.endsWith(e.substring(1)))) {
                return true;
            }
        }
        return false;
    }
}
