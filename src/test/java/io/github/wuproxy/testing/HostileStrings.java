package io.github.wuproxy.testing;

import java.util.List;

/** Strings an attacker or an unlucky user supplies, shared by the tests that must survive them. */
public final class HostileStrings {
    private HostileStrings() {}

    /** Passwords people choose: each must vanish whole, in every form a URL or proxy entry takes. */
    public static final List<String> PASSWORDS = List.of("s3cret", "p@ss", "p/ss", "p:ss", "p%ss", "p%40ss", "@/:%", "a@b@c", "x?y#z",
            "p;ss=1,2", "p@ss/w0rd:%2F", "http://x", "a=b:c");
}
