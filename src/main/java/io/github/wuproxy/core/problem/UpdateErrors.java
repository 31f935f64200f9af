package io.github.wuproxy.core.problem;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Windows Update and WinHTTP error codes that point at the network or the proxy: what each means,
 * its likely proxy cause, what wuproxy does about it, and what the user can do.
 */
public final class UpdateErrors {
    /** One code. {@code hresult} as Windows Update logs it. */
    public record Entry(int hresult, String name, String meaning, String likelyCause, String wuproxyDoes, String youCan) {
        public String hex() {
            return String.format(Locale.ROOT, "0x%08X", hresult);
        }
    }

    private static final String RESYNC = "re-reads the network, re-selects the profile and rewrites the proxy if it no longer fits";
    private static final String AUTH = "cannot help: Windows Update runs as SYSTEM and cannot answer a proxy's password prompt";

    public static final List<Entry> ALL = List.of(
            e(0x80072EFD, "ERROR_WINHTTP_CANNOT_CONNECT (12029)", "the connection to the server or the proxy failed",
                    "a company proxy set while away from the office, or no proxy on a network that blocks direct traffic", RESYNC,
                    "run `wuproxy sync`, then check for updates again; `wuproxy status` shows which profile is in force"),
            e(0x80072EFE, "ERROR_WINHTTP_CONNECTION_ERROR (12030)", "the connection was reset or aborted",
                    "a proxy or firewall dropping the connection, often TLS inspection", RESYNC,
                    "ask IT to exempt the Windows Update hosts from inspection"),
            e(0x80072EE2, "ERROR_WINHTTP_TIMEOUT (12002)", "the operation timed out",
                    "a proxy that does not answer, a black-holed route, or a captive portal", RESYNC + "; behind a portal keeps it direct",
                    "sign in to the network's portal if there is one, then `wuproxy sync`"),
            e(0x80072EE7, "ERROR_WINHTTP_NAME_NOT_RESOLVED (12007)", "the proxy's or the server's name could not be resolved",
                    "an internal proxy name used outside the company network", RESYNC, "check `wuproxy status`; away from the office the proxy should be direct"),
            e(0x8024402C, "WU_E_PT_WINHTTP_NAME_NOT_RESOLVED", "the proxy or server name could not be resolved",
                    "the classic \"office proxy at home\": the WinHTTP proxy names a host only the company's DNS knows", RESYNC,
                    "run `wuproxy sync` and check for updates again"),
            e(0x80240030, "WU_E_INVALID_PROXY_SERVER", "the proxy list is not in a valid format",
                    "a tool wrote a malformed WinHTTP proxy string", "writes only proxy strings it has validated, and reasserts its own after a foreign write",
                    "run `wuproxy show`; `wuproxy reset` or `wuproxy sync` writes a valid value"),
            e(0x8024502D, "WU_E_PT_SAME_REDIR_ID", "a newer redirector cab could not be downloaded during recovery",
                    "in practice, the Windows Update redirector cannot be reached through the proxy in force", RESYNC,
                    "run `wuproxy sync`, then check for updates again"),
            e(0x80072F8F, "ERROR_WINHTTP_SECURE_FAILURE (12175)", "TLS or certificate validation failed",
                    "a TLS-inspecting proxy, a wrong clock, or missing root certificates", "cannot fix inspection; reports it",
                    "ask IT to exempt the Windows Update hosts from inspection; check the clock"),
            e(0x80072F78, "ERROR_WINHTTP_INVALID_SERVER_RESPONSE (12152)", "the server's answer was not valid HTTP",
                    "a proxy, filter or captive portal answering instead of the server", RESYNC, "sign in to a portal if there is one"),
            e(0x80072F7D, "ERROR_WINHTTP_SECURE_CHANNEL_ERROR (12157)", "the TLS channel could not be set up",
                    "an intercepting proxy", "cannot fix inspection; reports it", "ask IT to exempt the Windows Update hosts"),
            e(0x80072F0D, "ERROR_WINHTTP_SECURE_INVALID_CA (12045)", "the certificate comes from an untrusted authority",
                    "an intercepting proxy's own certificate", "cannot fix inspection; reports it", "ask IT to exempt the Windows Update hosts"),
            e(0x80072F19, "ERROR_WINHTTP_SECURE_CERT_REV_FAILED (12057)", "certificate revocation could not be checked",
                    "the revocation list is unreachable through the proxy in force", RESYNC, "check that the proxy lets CRL/OCSP traffic through"),
            e(0x8024401B, "WU_E_PT_HTTP_STATUS_PROXY_AUTH_REQ (HTTP 407)", "the proxy wants a user name and password", "a proxy that demands authentication",
                    AUTH, "ask IT to exempt the Windows Update hosts from authentication, or allow the machine account"),
            e(0x8024043C, "WU_E_PT_PROXY_AUTH_SCHEME_NOT_SUPPORTED", "the proxy's authentication scheme is not supported",
                    "a proxy with Basic authentication only", AUTH, "as for HTTP 407"),
            e(0x80244017, "WU_E_PT_HTTP_STATUS_DENIED (HTTP 401)", "access denied", "a proxy or server refusing the machine",
                    "reports it", "ask IT to allow the machine through the proxy"),
            e(0x80244018, "WU_E_PT_HTTP_STATUS_FORBIDDEN (HTTP 403)", "forbidden", "a proxy's rules blocking the Windows Update hosts",
                    "reports it", "ask IT to allow the Windows Update hosts"),
            e(0x80244019, "WU_E_PT_HTTP_STATUS_NOT_FOUND (HTTP 404)", "not found",
                    "a proxy, filter or portal answering for the real server, or a wrong WSUS address", RESYNC, "check the WSUS address with IT"),
            e(0x8024401C, "WU_E_PT_HTTP_STATUS_REQUEST_TIMEOUT (HTTP 408)", "the request timed out", "a slow proxy or an overloaded WSUS server",
                    "retries at the next change or drift check", "try again later"),
            e(0x80244021, "WU_E_PT_HTTP_STATUS_BAD_GATEWAY (HTTP 502)", "bad gateway", "the proxy cannot reach the internet itself",
                    RESYNC, "try again later; if it lasts, tell IT the proxy has no way out"),
            e(0x80244022, "WU_E_PT_HTTP_STATUS_SERVICE_UNAVAIL (HTTP 503)", "service unavailable", "the service is busy, or the proxy's upstream is down",
                    "retries at the next change or drift check", "try again later"),
            e(0x80244023, "WU_E_PT_HTTP_STATUS_GATEWAY_TIMEOUT (HTTP 504)", "gateway timeout", "the proxy's own connection timed out",
                    RESYNC, "try again later"),
            e(0x8024401F, "WU_E_PT_HTTP_STATUS_SERVER_ERROR (HTTP 500)", "server error", "the server or the proxy failed", "reports it", "try again later"),
            e(0x80240438, "WU_E_PT_ENDPOINT_UNREACHABLE", "the endpoint cannot be reached", "offline, or a wrong proxy or WSUS setting", RESYNC,
                    "check the network, then `wuproxy sync`"),
            e(0x8024402F, "WU_E_PT_ECP_SUCCEEDED_WITH_ERRORS", "external cab processing completed with errors",
                    "web-filtering software tampering with update downloads", "reports it", "ask IT to exempt the update hosts from the filter"),
            e(0x80D05001, "DO_E_HTTP_BLOCKSIZE_MISMATCH", "a Delivery Optimization range request failed",
                    "a proxy that does not support HTTP Range requests", "reports it", "ask IT to allow Range requests for the download hosts"),
            e(0x80190197, "HTTP_E_STATUS_PROXY_AUTH_REQ (HTTP 407 in BITS / DO)", "the proxy wants authentication for a download",
                    "BITS or Delivery Optimization running as a service account", AUTH, "as for HTTP 407"),
            e(0x8024001E, "WU_E_SERVICE_STOP", "the service stopped during the operation",
                    "wuproxy restarted Windows Update to load a new proxy while a scan ran", "restarts the service only when the proxy changed",
                    "check for updates again; the next scan uses the new proxy"));

    private UpdateErrors() {}

    private static Entry e(int hresult, String name, String meaning, String cause, String wuproxy, String you) {
        return new Entry(hresult, name, meaning, cause, wuproxy, you);
    }

    /**
     * Reads {@code 0x80072EFD}, {@code 80072efd}, {@code -2147012867}, or a WinHTTP error number such
     * as {@code 12029}, which Windows Update reports as 0x80070000 plus the number (0x80072EFD).
     */
    public static int parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("0x")) {
                return Integer.parseUnsignedInt(t.substring(2), 16);
            }
            if (t.matches("[0-9a-f]{8}")) {
                return Integer.parseUnsignedInt(t, 16);
            }
            if (t.matches("-?\\d+")) {
                long value = Long.parseLong(t);
                if (value >= 12000 && value < 13000) {
                    return (int) (0x80070000L | value); // a WinHTTP error number as Windows Update reports it
                }
                if (value >= Integer.MIN_VALUE && value <= 0xFFFFFFFFL) {
                    return (int) value;
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException("\"" + text + "\" is not an error code; write it like 0x80072EFD, 80072efd, -2147012867 or 12029");
    }

    /** The error Windows Update logs when a proxy answers a tunnel request with this HTTP status. */
    public static int forHttpStatus(int status) {
        return switch (status) {
            case 400 -> 0x80244016;
            case 401 -> 0x80244017;
            case 403 -> 0x80244018;
            case 404 -> 0x80244019;
            case 407 -> 0x8024401B;
            case 408 -> 0x8024401C;
            case 500 -> 0x8024401F;
            case 502 -> 0x80244021;
            case 503 -> 0x80244022;
            case 504 -> 0x80244023;
            default -> 0x80072F78; // not an answer WU expects: invalid server response
        };
    }

    /** Whether re-reading the network and re-syncing the proxy may cure a scan that failed with this code. */
    public static boolean resyncMayHelp(int hresult) {
        return find(hresult).map(e -> e.wuproxyDoes().startsWith(RESYNC)).orElse(false);
    }

    public static Optional<Entry> find(int hresult) {
        return ALL.stream().filter(e -> e.hresult() == hresult).findFirst();
    }

    /** "facility WINDOWSUPDATE (36), code 0x402C" for a code the catalogue does not know. */
    public static String decode(int hresult) {
        int facility = (hresult >>> 16) & 0x1FFF;
        String name = switch (facility) {
            case 7 -> "WIN32";
            case 25 -> "HTTP";
            case 32 -> "BACKGROUNDCOPY (BITS)";
            case 36 -> "WINDOWSUPDATE";
            case 208 -> "DELIVERY_OPTIMIZATION";
            case 0 -> "NULL";
            case 4 -> "ITF";
            default -> "other";
        };
        return String.format(Locale.ROOT, "%s, facility %s (%d), code 0x%04X", hresult < 0 ? "a failure" : "a success or warning", name,
                facility, hresult & 0xFFFF);
    }
}
