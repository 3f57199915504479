/**
 * Plugin SPI: a plugin registers an {@link org.alexandria.api.plugin.AlexandriaPlugin} service describing itself and reporting its health; the platform tracks it in the {@link org.alexandria.api.plugin.PluginRegistry}.
 */
@Export
@Version("1.0.0")
@NullMarked
package org.alexandria.api.plugin;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
