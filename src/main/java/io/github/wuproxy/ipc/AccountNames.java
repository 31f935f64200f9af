package io.github.wuproxy.ipc;

/**
 * The names Windows gives, in its own language, to the accounts the token files are locked to
 * ("NT-AUTORITÄT\SYSTEM" on a German Windows); the composition root looks them up by SID.
 */
public record AccountNames(String system, String administrators, String interactive) {
    /** An English Windows; elsewhere the names are not used (POSIX permissions are). */
    public static final AccountNames ENGLISH = new AccountNames("NT AUTHORITY\\SYSTEM", "BUILTIN\\Administrators", "NT AUTHORITY\\INTERACTIVE");
}
