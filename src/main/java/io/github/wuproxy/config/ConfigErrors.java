package io.github.wuproxy.config;

import com.typesafe.config.ConfigException;

/** Typesafe Config's messages without the "file: line:" prefix, which the problem carries already. */
final class ConfigErrors {
    private ConfigErrors() {}

    static String describe(ConfigException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.origin() != null) {
            String prefix = e.origin().description() + ": ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
        }
        message = message.replaceFirst("^[^:]*\\.conf: \\d+: ", "").replaceFirst(" \\(if you intended [^)]*\\)", "");
        if (e instanceof ConfigException.UnresolvedSubstitution) {
            return message.replaceFirst("^Could not resolve substitution to a value: ", "")
                    + " names nothing in this file, and the environment is not read; write the value itself";
        }
        if (e instanceof ConfigException.Parse) {
            return "the file is not valid HOCON: " + message
                    + " (values with ':' or other special characters need \"double quotes\")";
        }
        if (e instanceof ConfigException.IO) {
            return "cannot read the file: " + message;
        }
        return message;
    }
}
