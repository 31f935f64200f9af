package io.github.wuproxy.port;

import java.time.Instant;

/** The settings the machine had before wuproxy first changed them. */
public record Backup(StoredSettings original, Instant takenAt) {}
