package org.alexandria.api.plugin;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a plugin is: a stable id, a human name, its version and the capabilities it contributes.
 *
 * @param id           stable identifier, lower case letters, digits, dots and dashes (e.g. {@code tickets})
 * @param name         human readable name shown to admins
 * @param version      the plugin's version, usually its bundle version
 * @param capabilities free-form capability names (e.g. {@code rest}, {@code events}, {@code crash-parser})
 */
public record PluginDescriptor(String id, String name, String version, Set<String> capabilities) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    /** Validates the id and copies the capabilities. */
    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("plugin id must match " + ID.pattern() + ": " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        capabilities = Set.copyOf(capabilities);
    }
}
