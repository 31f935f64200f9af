package io.github.wuproxy.core.profile;

import io.github.wuproxy.core.location.LocationFingerprint;

/**
 * A profile the user picked by hand. It wins until the location's fingerprint changes, or, when
 * sticky, until the user goes back to automatic.
 */
public record ManualChoice(String profileName, boolean sticky, LocationFingerprint madeAt) {}
