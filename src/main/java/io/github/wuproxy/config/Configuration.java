package io.github.wuproxy.config;

import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.port.ProfileException;
import java.nio.file.Path;
import java.util.List;

/** The agent's settings and the profiles they point to, loaded and checked together. */
public record Configuration(AgentSettings settings, ProfileSet profiles) {
    public static Configuration load(Path agentConf, List<Path> profileFolders) throws ProfileException {
        AgentSettings settings = AgentSettingsLoader.load(agentConf);
        return new Configuration(settings, new HoconProfileCatalog(profileFolders, settings.fallbackProfile()).load());
    }
}
