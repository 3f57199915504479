package org.alexandria.api.plugin;

/** Lifecycle state of a plugin as tracked by the registry. */
public enum PluginState {
    /** The plugin's service is registered. */
    ACTIVE,
    /** The plugin's service went away (bundle stopped, uninstalled or deleted from {@code deploy/}). */
    GONE
}
