package io.github.wuproxy.port;

import io.github.wuproxy.core.profile.ProfileSet;

/** Where profiles come from: the shipped ones, the machine's, or policy's. */
public interface ProfileCatalog {
    /** Loads and checks every profile; on any problem nothing is returned and every problem is reported. */
    ProfileSet load() throws ProfileException;
}
