package io.github.wuproxy.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentUserProxySourceTest {
    @Test
    void readsTheProxyVariablesAsTheUsersOwnSettings() {
        assertEquals(Optional.of(UserProxySettings.DIRECT), new EnvironmentUserProxySource(Map.of()).current());
        assertEquals(Optional.of(UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example:3128", "localhost;*.corp.example"))),
                new EnvironmentUserProxySource(Map.of("https_proxy", "http://proxy.corp.example:3128/",
                        "no_proxy", "localhost, .corp.example,10.0.0.0/8")).current());
        assertEquals(Optional.of(UserProxySettings.fixed(UpdateProxy.fixed("p.example:8080", ""))),
                new EnvironmentUserProxySource(Map.of("HTTP_PROXY", "p.example:8080")).current());
    }

    @Test
    void anUnusableValueMeansUnknownNotACrash() {
        assertEquals(Optional.empty(), new EnvironmentUserProxySource(Map.of("https_proxy", "http://user:pw@bücher.example:1")).current());
        assertEquals(Optional.empty(), new EnvironmentUserProxySource(Map.of("https_proxy", "http:// bad")).current());
    }
}
