package io.github.wuproxy.port;

/** Where the organisation's policy comes from: the registry on Windows, a fixed one elsewhere and in tests. */
public interface PolicySource {
    Policy read();
}
